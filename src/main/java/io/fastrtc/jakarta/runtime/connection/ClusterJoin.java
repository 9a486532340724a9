package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.runtime.cluster.Cluster;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.runtime.wire.OutputEvents;

/** How an admitted connection takes part in the cluster: refusals, leaving, outputs published. */
final class ClusterJoin {

  private ClusterJoin() {}

  /** The admission answer for a cluster's refusal: the shared limit, or Redis away. */
  static Admission refusal(Cluster.Refusal refusal, StreamDefinition definition) {
    return refusal == Cluster.Refusal.FULL
        ? Admission.refused(ErrorCode.CONCURRENCY_LIMIT_REACHED, definition.concurrencyLimit())
        : Admission.refused(ErrorCode.CLUSTER_UNAVAILABLE, 0);
  }

  /** Leaves the cluster when the connection closes; publishes its outputs when they are shared. */
  static void attach(Connection connection, Cluster cluster, Cluster.Member member) {
    connection.onClose(c -> member.leave());
    if (cluster.shared()) {
      var unused =
          connection.subscribeOutputs(
              0, event -> member.output(event.sequence(), OutputEvents.data(event)));
    }
  }
}
