package il.co.voicely.audio.decode;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swresample.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

/** One decoding run: demux, decode, mix down and resample to mono float with swresample. */
final class FfmpegDecoding implements AutoCloseable {
    static {
        // FFmpeg logs every recoverable glitch to stderr; our exceptions carry what matters.
        av_log_set_level(AV_LOG_QUIET);
    }

    private final Path file;
    private final int outRate;
    private final long maxSamples;
    private final PcmBlockConsumer consumer;
    private final AVFormatContext format = new AVFormatContext(null);
    private AVCodecContext codecContext;
    private SwrContext swr;
    private final AVChannelLayout monoLayout = new AVChannelLayout();
    private BytePointer outBuffer;
    private int outCapacity;
    private float[] block = new float[0];
    private long produced;
    private boolean opened;

    private FfmpegDecoding(Path file, int outRate, long maxSamples, PcmBlockConsumer consumer) {
        this.file = file;
        this.outRate = outRate;
        this.maxSamples = maxSamples;
        this.consumer = consumer;
        av_channel_layout_default(monoLayout, 1);
    }

    static AudioInfo run(Path file, int outRate, long maxSamples, PcmBlockConsumer consumer)
            throws AudioDecodeException {
        try (var run = new FfmpegDecoding(file, outRate, maxSamples, consumer)) {
            return run.decode();
        }
    }

    private AudioInfo decode() throws AudioDecodeException {
        // Uploaded files are untrusted: name the file protocol explicitly (a path like "concat:a|b" or
        // "http://…" would otherwise be a protocol) and forbid playlists from reaching beyond files.
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "protocol_whitelist", "file", 0);
        int ret = avformat_open_input(format, "file:" + file.toAbsolutePath(), null, options);
        av_dict_free(options);
        if (ret < 0) {
            throw unsupported("is not audio (" + ContentSniffer.describe(file) + "; FFmpeg: " + error(ret) + ")");
        }
        opened = true;
        ret = avformat_find_stream_info(format, (PointerPointer<?>) null);
        if (ret < 0) {
            throw unsupported("is not readable media (" + ContentSniffer.describe(file) + "; FFmpeg: " + error(ret) + ")");
        }
        String container = format.iformat().name().getString();
        int streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
        if (streamIndex < 0) {
            throw unsupported("has no audio stream (detected " + ContentSniffer.describe(file)
                    + ", FFmpeg container '" + container + "')");
        }
        AVStream stream = format.streams(streamIndex);
        AVCodecParameters parameters = stream.codecpar();
        AVCodec codec = avcodec_find_decoder(parameters.codec_id());
        String codecName = avcodec_get_name(parameters.codec_id()).getString();
        if (codec == null || codec.isNull()) {
            throw unsupported("uses audio codec '" + codecName + "' that this FFmpeg build cannot decode");
        }
        codecContext = avcodec_alloc_context3(codec);
        avcodec_parameters_to_context(codecContext, parameters);
        codecContext.pkt_timebase(stream.time_base());
        ret = avcodec_open2(codecContext, codec, (AVDictionary) null);
        if (ret < 0) {
            throw unsupported("has an audio stream ('" + codecName + "') FFmpeg cannot open: " + error(ret));
        }
        Optional<Duration> declared = format.duration() == AV_NOPTS_VALUE || format.duration() <= 0
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(format.duration() * 1000L));
        if (declared.isPresent() && declared.get().toNanos() / 1e9 * outRate > maxSamples * 1.01 + outRate) {
            throw tooLong(declared.get().toNanos() / 1e9);
        }
        var info = new AudioInfo(container, codecName, parameters.sample_rate(),
                parameters.ch_layout().nb_channels(), declared);
        pump(streamIndex);
        if (produced == 0) {
            throw unsupported("contains no decodable audio (container '" + container + "', codec '"
                    + codecName + "'; the data may be corrupt or empty)");
        }
        return info;
    }

    private void pump(int streamIndex) throws AudioDecodeException {
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            int corruptPackets = 0;
            while (av_read_frame(format, packet) >= 0) {
                try {
                    if (packet.stream_index() == streamIndex) {
                        // A damaged packet costs a few milliseconds of audio, not the recording.
                        if (avcodec_send_packet(codecContext, packet) < 0) {
                            corruptPackets++;
                        } else {
                            drainFrames(frame);
                        }
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
            avcodec_send_packet(codecContext, null);
            drainFrames(frame);
            if (swr != null) {
                int n;
                while ((n = convert(null, 0)) > 0) {
                    emit(n);
                }
            }
            if (produced == 0 && corruptPackets > 0) {
                throw unsupported("is corrupt: " + corruptPackets + " audio packets could not be decoded");
            }
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
        }
    }

    private void drainFrames(AVFrame frame) throws AudioDecodeException {
        while (avcodec_receive_frame(codecContext, frame) >= 0) {
            try {
                if (swr == null) {
                    openResampler(frame);
                }
                emit(convert(frame.extended_data(), frame.nb_samples()));
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    private void openResampler(AVFrame frame) throws AudioDecodeException {
        AVChannelLayout in = new AVChannelLayout();
        if (frame.ch_layout().order() == AV_CHANNEL_ORDER_UNSPEC || frame.ch_layout().nb_channels() <= 0) {
            av_channel_layout_default(in, Math.max(1, frame.ch_layout().nb_channels()));
        } else {
            av_channel_layout_copy(in, frame.ch_layout());
        }
        swr = new SwrContext(null);
        int ret = swr_alloc_set_opts2(swr, monoLayout, AV_SAMPLE_FMT_FLT, outRate,
                in, frame.format(), frame.sample_rate(), 0, null);
        if (ret < 0 || swr.isNull() || (ret = swr_init(swr)) < 0) {
            throw unsupported("cannot be resampled from " + frame.sample_rate() + " Hz: " + error(ret));
        }
    }

    private int convert(PointerPointer<?> in, int inSamples) throws AudioDecodeException {
        int needed = swr_get_out_samples(swr, inSamples);
        if (needed <= 0) {
            return 0;
        }
        if (needed > outCapacity) {
            if (outBuffer != null) {
                outBuffer.close();
            }
            outCapacity = Math.max(needed, 8192);
            outBuffer = new BytePointer((long) outCapacity * Float.BYTES);
            block = new float[outCapacity];
        }
        try (PointerPointer<BytePointer> out = new PointerPointer<>(1)) {
            out.put(0, outBuffer);
            int n = swr_convert(swr, out, outCapacity, in, inSamples);
            if (n < 0) {
                throw unsupported("failed in resampling: " + error(n));
            }
            return n;
        }
    }

    private void emit(int n) throws AudioLimitExceededException {
        if (n <= 0) {
            return;
        }
        new FloatPointer(outBuffer).get(block, 0, n);
        if (produced + n > maxSamples) {
            throw tooLong((produced + n) / (double) outRate);
        }
        produced += n;
        consumer.accept(block, n);
    }

    private AudioLimitExceededException tooLong(double seconds) {
        return new AudioLimitExceededException("file '%s' is longer than the limit of %.0f s (at least %.1f s)"
                .formatted(file.getFileName(), maxSamples / (double) outRate, seconds));
    }

    private UnsupportedAudioFormatException unsupported(String what) {
        return new UnsupportedAudioFormatException("file '" + file.getFileName() + "' " + what);
    }

    private static String error(int code) {
        byte[] buffer = new byte[256];
        av_strerror(code, buffer, buffer.length);
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (swr != null) {
            swr_free(swr);
        }
        if (codecContext != null) {
            avcodec_free_context(codecContext);
        }
        if (opened) {
            avformat_close_input(format);
        }
        if (outBuffer != null) {
            outBuffer.close();
        }
        av_channel_layout_uninit(monoLayout);
    }
}
