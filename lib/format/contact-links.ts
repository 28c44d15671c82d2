// Links a phone opens in its own apps: the dialer and the maps app.

/** `tel:` with digits and a leading + only: spaces and brackets confuse some dialers. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/**
 * A maps search for an address. The universal Google Maps URL opens the maps
 * app on Android and iOS (or the website elsewhere); no tiles are loaded here.
 */
export function mapsHref(address: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`;
}
