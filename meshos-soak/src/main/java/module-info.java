/** The chaos soak run of the meshos runtime. */
module meshos.soak {
  requires meshos.tick;
}
