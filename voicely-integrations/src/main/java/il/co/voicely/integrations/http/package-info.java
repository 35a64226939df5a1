/**
 * What both clients share with their callers: {@link il.co.voicely.integrations.http.Retries} (how 429,
 * 5xx and I/O failures are retried) and {@link il.co.voicely.integrations.http.ApiException} (the base of
 * the typed provider errors, with the status and any {@code Retry-After}).
 */
package il.co.voicely.integrations.http;
