package io.fastrtc.jakarta.runtime.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacingScheduleTest {
  private static final long MS = 1_000_000;
  private final PacingSchedule schedule = new PacingSchedule(0, 10 * MS, 10);

  @Test
  void oneTickPerPeriodWhenOnTime() {
    int total = 0;
    for (long t = 0; t < 1000 * MS; t += MS) {
      total += schedule.due(t);
    }
    assertThat(total).isEqualTo(100);
  }

  @Test
  void nothingIsDueBeforeTheNextTick() {
    assertThat(schedule.due(0)).isEqualTo(1);
    assertThat(schedule.due(9 * MS)).isZero();
    assertThat(schedule.nextDueNanos()).isEqualTo(10 * MS);
  }

  @Test
  void catchesUpAfterALateWakeUpSoTheStreamStaysInRealTime() {
    schedule.due(0);
    assertThat(schedule.due(45 * MS)).isEqualTo(4); // ticks for 10, 20, 30, 40 ms
    assertThat(schedule.nextDueNanos()).isEqualTo(50 * MS);
  }

  @Test
  void reanchorsAfterALongStallInsteadOfBursting() {
    schedule.due(0);
    assertThat(schedule.due(2_000 * MS)).isEqualTo(1);
    assertThat(schedule.nextDueNanos()).isEqualTo(2_010 * MS);
  }
}
