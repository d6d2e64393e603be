package meshos.probes;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a peer reports about itself: its capability set (always present) and, optionally, CPU load,
 * memory and disk use, saturation trend, software version and the node it was forked from.
 *
 * <p>Immutable; built with {@link #builder(Set)}.
 */
public final class PeerInventory {
  private final Set<String> capabilities;
  private final OptionalDouble cpuLoad;
  private final OptionalLong memoryUsedBytes;
  private final OptionalLong memoryTotalBytes;
  private final OptionalLong diskUsedBytes;
  private final OptionalLong diskTotalBytes;
  private final Optional<SaturationTrend> saturationTrend;
  private final Optional<String> softwareVersion;
  private final OptionalLong forkedFrom;

  private PeerInventory(Builder b) {
    this.capabilities = b.capabilities;
    this.cpuLoad = b.cpuLoad;
    this.memoryUsedBytes = b.memoryUsedBytes;
    this.memoryTotalBytes = b.memoryTotalBytes;
    this.diskUsedBytes = b.diskUsedBytes;
    this.diskTotalBytes = b.diskTotalBytes;
    this.saturationTrend = b.saturationTrend;
    this.softwareVersion = b.softwareVersion;
    this.forkedFrom = b.forkedFrom;
  }

  /**
   * Starts an inventory with the given capability set.
   *
   * @param capabilities what the peer can do (for example {@code "gpu"}, {@code "ssd"}); copied
   * @return a builder of an inventory with those capabilities and nothing else set
   * @throws NullPointerException if {@code capabilities} or one of its elements is null
   */
  public static Builder builder(Set<String> capabilities) {
    return new Builder(Set.copyOf(requireNonNull(capabilities, "capabilities")));
  }

  /**
   * The peer's capabilities.
   *
   * @return never null, possibly empty
   */
  public Set<String> capabilities() {
    return capabilities;
  }

  /**
   * CPU load, 0.0 (idle) to 1.0 (fully busy) per core summed, if reported.
   *
   * @return the load, or empty
   */
  public OptionalDouble cpuLoad() {
    return cpuLoad;
  }

  /**
   * Memory in use, in bytes, if reported.
   *
   * @return the bytes used, or empty
   */
  public OptionalLong memoryUsedBytes() {
    return memoryUsedBytes;
  }

  /**
   * Memory in total, in bytes, if reported.
   *
   * @return the bytes in total, or empty
   */
  public OptionalLong memoryTotalBytes() {
    return memoryTotalBytes;
  }

  /**
   * Disk space in use, in bytes, if reported.
   *
   * @return the bytes used, or empty
   */
  public OptionalLong diskUsedBytes() {
    return diskUsedBytes;
  }

  /**
   * Disk space in total, in bytes, if reported.
   *
   * @return the bytes in total, or empty
   */
  public OptionalLong diskTotalBytes() {
    return diskTotalBytes;
  }

  /**
   * Which way the peer's saturation is heading, if reported.
   *
   * @return the trend, or empty
   */
  public Optional<SaturationTrend> saturationTrend() {
    return saturationTrend;
  }

  /**
   * The peer's software version, if reported.
   *
   * @return the version, or empty
   */
  public Optional<String> softwareVersion() {
    return softwareVersion;
  }

  /**
   * The node this peer was forked from, if it is a fork.
   *
   * @return the node's id, or empty
   */
  public OptionalLong forkedFrom() {
    return forkedFrom;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeerInventory p
        && capabilities.equals(p.capabilities)
        && cpuLoad.equals(p.cpuLoad)
        && memoryUsedBytes.equals(p.memoryUsedBytes)
        && memoryTotalBytes.equals(p.memoryTotalBytes)
        && diskUsedBytes.equals(p.diskUsedBytes)
        && diskTotalBytes.equals(p.diskTotalBytes)
        && saturationTrend.equals(p.saturationTrend)
        && softwareVersion.equals(p.softwareVersion)
        && forkedFrom.equals(p.forkedFrom);
  }

  @Override
  public int hashCode() {
    return Objects.hash(capabilities, cpuLoad, memoryUsedBytes, memoryTotalBytes, diskUsedBytes,
        diskTotalBytes, saturationTrend, softwareVersion, forkedFrom);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("PeerInventory{capabilities=").append(capabilities);
    cpuLoad.ifPresent(v -> s.append(", cpuLoad=").append(v));
    memoryUsedBytes.ifPresent(v -> s.append(", memoryUsed=").append(v));
    memoryTotalBytes.ifPresent(v -> s.append(", memoryTotal=").append(v));
    diskUsedBytes.ifPresent(v -> s.append(", diskUsed=").append(v));
    diskTotalBytes.ifPresent(v -> s.append(", diskTotal=").append(v));
    saturationTrend.ifPresent(v -> s.append(", trend=").append(v));
    softwareVersion.ifPresent(v -> s.append(", version=").append(v));
    forkedFrom.ifPresent(v -> s.append(", forkedFrom=").append(v));
    return s.append('}').toString();
  }

  /** Sets the optional parts of a {@link PeerInventory}; not thread-safe. */
  public static final class Builder {
    private final Set<String> capabilities;
    private OptionalDouble cpuLoad = OptionalDouble.empty();
    private OptionalLong memoryUsedBytes = OptionalLong.empty();
    private OptionalLong memoryTotalBytes = OptionalLong.empty();
    private OptionalLong diskUsedBytes = OptionalLong.empty();
    private OptionalLong diskTotalBytes = OptionalLong.empty();
    private Optional<SaturationTrend> saturationTrend = Optional.empty();
    private Optional<String> softwareVersion = Optional.empty();
    private OptionalLong forkedFrom = OptionalLong.empty();

    private Builder(Set<String> capabilities) {
      this.capabilities = capabilities;
    }

    /**
     * Sets the CPU load.
     *
     * @param load the load, not negative
     * @return this builder
     * @throws IllegalArgumentException if {@code load} is negative or not a number
     */
    public Builder cpuLoad(double load) {
      if (!(load >= 0)) {
        throw new IllegalArgumentException("cpuLoad must be >= 0: " + load);
      }
      this.cpuLoad = OptionalDouble.of(load);
      return this;
    }

    /**
     * Sets memory use.
     *
     * @param usedBytes bytes in use
     * @param totalBytes bytes in total
     * @return this builder
     * @throws IllegalArgumentException unless {@code 0 <= used <= total}
     */
    public Builder memory(long usedBytes, long totalBytes) {
      checkUsage("memory", usedBytes, totalBytes);
      this.memoryUsedBytes = OptionalLong.of(usedBytes);
      this.memoryTotalBytes = OptionalLong.of(totalBytes);
      return this;
    }

    /**
     * Sets disk use.
     *
     * @param usedBytes bytes in use
     * @param totalBytes bytes in total
     * @return this builder
     * @throws IllegalArgumentException unless {@code 0 <= used <= total}
     */
    public Builder disk(long usedBytes, long totalBytes) {
      checkUsage("disk", usedBytes, totalBytes);
      this.diskUsedBytes = OptionalLong.of(usedBytes);
      this.diskTotalBytes = OptionalLong.of(totalBytes);
      return this;
    }

    /**
     * Sets the saturation trend.
     *
     * @param trend which way saturation is heading
     * @return this builder
     * @throws NullPointerException if {@code trend} is null
     */
    public Builder saturationTrend(SaturationTrend trend) {
      this.saturationTrend = Optional.of(requireNonNull(trend, "trend"));
      return this;
    }

    /**
     * Sets the software version.
     *
     * @param version the version the peer runs
     * @return this builder
     * @throws NullPointerException if {@code version} is null
     */
    public Builder softwareVersion(String version) {
      this.softwareVersion = Optional.of(requireNonNull(version, "version"));
      return this;
    }

    /**
     * Sets the node this peer was forked from.
     *
     * @param node that node's id
     * @return this builder
     */
    public Builder forkedFrom(long node) {
      this.forkedFrom = OptionalLong.of(node);
      return this;
    }

    /**
     * Builds the inventory.
     *
     * @return a new immutable inventory with what was set
     */
    public PeerInventory build() {
      return new PeerInventory(this);
    }

    private static void checkUsage(String what, long used, long total) {
      if (used < 0 || used > total) {
        throw new IllegalArgumentException(
            what + " needs 0 <= used <= total, got used=" + used + " total=" + total);
      }
    }
  }
}
