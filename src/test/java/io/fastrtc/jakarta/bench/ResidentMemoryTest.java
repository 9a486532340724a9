package io.fastrtc.jakarta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResidentMemoryTest {
  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void readsG1sRangeFromHeapInfo() {
    String info =
        " garbage-first heap   total 139264K, used 96839K [0x0000000687400000,"
            + " 0x0000000800000000)\n  region size 4096K, 16 young (65536K), 1 survivors (4096K)";

    assertThat(ResidentMemory.heapRange(info)).containsExactly(0x687400000L, 0x800000000L);
    assertThat(ResidentMemory.heapRange("Native memory tracking is not enabled")).isNull();
  }

  @Test
  void theWholeAddressSpaceHoldsTheProcesssRss() {
    long all = ResidentMemory.residentKbWithin(SELF, 0, -1L);
    long rss = ProcStats.status(SELF, "VmRSS");

    // smaps and status are read a moment apart; the test JVM's RSS moves by a few MB at most
    assertThat(all).isBetween(rss * 9 / 10, rss * 11 / 10);
  }

  @Test
  void theJavaHeapsRangeHoldsPartOfIt() {
    long[] range = ResidentMemory.heapRange(Jcmd.run(SELF, "GC.heap_info"));
    byte[] touched = new byte[8 << 20];
    touched[touched.length - 1] = 1;

    long inHeap = ResidentMemory.residentKbWithin(SELF, range[0], range[1]);

    assertThat(inHeap).isGreaterThanOrEqualTo(8 * 1024).isLessThan(ProcStats.status(SELF, "VmRSS"));
    assertThat(touched[touched.length - 1]).isEqualTo((byte) 1);
  }
}
