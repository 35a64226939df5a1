/**
 * Any browser or WhatsApp audio format to mono float PCM through FFmpeg: start at {@link il.co.voicely.audio.decode.AudioDecoder}.
 */
package il.co.voicely.audio.decode;
