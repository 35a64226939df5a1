package il.co.voicely.audio.decode;

import java.time.Duration;
import java.util.Optional;

/**
 * What FFmpeg found in an input before resampling.
 *
 * @param container        FFmpeg's demuxer name, e.g. {@code "matroska,webm"}, {@code "ogg"}, {@code "wav"}
 * @param codec            the audio codec, e.g. {@code "opus"}, {@code "aac"}, {@code "pcm_s16le"}
 * @param sourceSampleRate the stream's own sample rate in Hz
 * @param sourceChannels   the stream's channel count (decoding always mixes down to mono)
 * @param declaredDuration the duration the container declares, when it declares one
 */
public record AudioInfo(String container, String codec, int sourceSampleRate, int sourceChannels,
                        Optional<Duration> declaredDuration) {
}
