/**
 * Support code shared by the clients of this module (retrying HTTP calls through Failsafe, HMAC
 * signatures, Jackson). Not API: public only because Java has no module-private visibility across
 * packages; it may change without notice.
 */
package il.co.voicely.integrations.internal;
