package io.fastrtc.jakarta.testing;

/**
 * How a {@link ClientPeer}'s ICE candidates reach the server: the three FastRTC client variants.
 */
public enum IceMode {
  /** POST the offer at once, then POST each candidate as {@code "type":"ice-candidate"}. */
  TRICKLE,
  /** Wait for ICE gathering to complete, then POST one offer holding every candidate. */
  GATHER_THEN_OFFER,
  /** POST the offer at once and never send candidates (relies on peer-reflexive discovery). */
  NO_TRICKLE
}
