/** A user's node agent: a meshos runtime with Micrometer metrics. */
module com.example.consumer {
  requires meshos.tick;
  requires meshos.micrometer;
}
