/** Longest reason shown to users; exception messages can be long. */
const MAX_REASON_LENGTH = 150;

/**
 * Turns a node's exception message into a reason users understand: blocked by the source, not available
 * in the region, no longer available, too long, or the message itself (shortened).
 */
export function describeFailure(message: string): string {
  if (/sign in|confirm you.?re not a bot|blocked|forbidden|\b403\b|429|rate.?limit/i.test(message)) {
    return 'the source blocked playback';
  }
  if (/region|country|not available in your/i.test(message)) return 'not available in this region';
  if (/unavailable|not found|\b404\b|removed|private|deleted/i.test(message)) {
    return 'the source says it is unavailable';
  }
  if (/too long|duration/i.test(message)) return 'the track is too long';
  const trimmed = message.trim() === '' ? 'playback failed' : message.trim();
  return trimmed.length > MAX_REASON_LENGTH ? `${trimmed.slice(0, MAX_REASON_LENGTH - 1)}…` : trimmed;
}
