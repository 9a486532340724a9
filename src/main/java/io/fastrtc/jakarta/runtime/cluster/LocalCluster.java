package io.fastrtc.jakarta.runtime.cluster;

import java.util.Optional;

/**
 * A single server: nothing is shared. Joining always succeeds (the registry counts the limit in
 * memory), no other node owns anything, and there are no remote outputs.
 */
final class LocalCluster implements Cluster {
  static final LocalCluster INSTANCE = new LocalCluster();

  private static final Member NOTHING =
      new Member() {
        @Override
        public void output(long sequence, String data) {}

        @Override
        public void leave() {}
      };

  private LocalCluster() {}

  @Override
  public String nodeId() {
    return "local";
  }

  @Override
  public boolean shared() {
    return false;
  }

  @Override
  public Joined join(String stream, String connectionId, int limit) {
    return Joined.member(NOTHING);
  }

  @Override
  public Optional<String> ownerAddress(String connectionId) {
    return Optional.empty();
  }

  @Override
  public boolean subscribeOutputs(String connectionId, long after, OutputListener listener) {
    return false;
  }

  @Override
  public void close() {}
}
