package io.fastrtc.jakarta.demo;

/** Small image operations for the demos: whole-row copies and byte reversals, no colour maths. */
final class Images {
  private Images() {}

  /** Packed rows ({@code bytesPerRow} each) in reverse order: the picture upside down. */
  static byte[] flipRows(byte[] rows, int bytesPerRow) {
    byte[] out = new byte[rows.length];
    int count = rows.length / bytesPerRow;
    for (int y = 0; y < count; y++) {
      System.arraycopy(rows, y * bytesPerRow, out, (count - 1 - y) * bytesPerRow, bytesPerRow);
    }
    return out;
  }

  /** A one-byte-per-pixel plane with each row reversed: the picture mirrored left to right. */
  static byte[] mirrorPlane(byte[] plane, int width) {
    byte[] out = new byte[plane.length];
    for (int row = 0; row < plane.length; row += width) {
      for (int x = 0; x < width; x++) {
        out[row + x] = plane[row + width - 1 - x];
      }
    }
    return out;
  }
}
