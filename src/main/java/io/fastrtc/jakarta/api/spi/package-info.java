/**
 * Service-provider interfaces that the runtime implements for the API (pixel conversion). Not for
 * applications.
 */
package io.fastrtc.jakarta.api.spi;
