package il.co.voicely.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import il.co.voicely.audio.fixtures.TestAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioDecoderTest {
    @TempDir
    static Path dir;
    static Path wav;

    @BeforeAll
    static void stereoSource() throws Exception {
        float[] tone = TestAudio.tone(48_000, 2.0, t -> 440, 5, 0, 1);
        Path mono = TestAudio.writeWav(dir.resolve("mono.wav"), tone, 48_000);
        wav = TestAudio.ffmpeg(mono, dir.resolve("source.wav"), "-ac", "2", "-ar", "48000");
    }

    @ParameterizedTest(name = "{0} via {1}")
    @CsvSource({
            "webm, libopus, opus, 'matroska,webm'",
            "ogg, libopus, opus, ogg",
            "mp4, aac, aac, 'mov,mp4,m4a,3gp,3g2,mj2'",
            "m4a, aac, aac, 'mov,mp4,m4a,3gp,3g2,mj2'",
            "mp3, libmp3lame, mp3, mp3",
            "flac, flac, flac, flac",
            "wav, pcm_s16le, pcm_s16le, wav",
    })
    void everyBrowserAndWhatsAppFormatDecodesToMonoAtTheRequestedRate(String ext, String encoder, String codec,
                                                                      String container) throws Exception {
        Path file = TestAudio.ffmpeg(wav, dir.resolve("clip." + ext), "-c:a", encoder);

        DecodedAudio audio = AudioDecoder.builder().sampleRate(16_000).build().decodeAll(file);

        assertThat(audio.sampleRate()).isEqualTo(16_000);
        assertThat(audio.durationSeconds()).isCloseTo(2.0, within(0.06));
        assertThat(audio.info().codec()).isEqualTo(codec);
        assertThat(audio.info().container()).isEqualTo(container);
        assertThat(audio.info().sourceChannels()).isEqualTo(2);
        float peak = 0;
        for (int i = 8000; i < 24000; i++) {
            peak = Math.max(peak, Math.abs(audio.samples()[i]));
        }
        assertThat(peak).isBetween(0.2f, 1.0f);
    }

    @Test
    void streamingDeliversBlocksWithoutHoldingTheWholeInput() throws Exception {
        AtomicLong total = new AtomicLong();
        AtomicInteger largest = new AtomicInteger();
        AudioInfo info = AudioDecoder.builder().sampleRate(22_050).build().decode(wav, (block, n) -> {
            total.addAndGet(n);
            largest.accumulateAndGet(n, Math::max);
        });

        assertThat(total.get()).isCloseTo(44_100L, within(50L));
        assertThat(largest.get()).isLessThan(22_050);
        assertThat(info.sourceSampleRate()).isEqualTo(48_000);
        assertThat(info.declaredDuration()).hasValueSatisfying(d -> assertThat(d.toMillis()).isCloseTo(2000L, within(20L)));
    }

    @Test
    void fileNamesThatLookLikeFfmpegProtocolsAreReadAsPlainFiles() throws Exception {
        Path odd = Files.copy(wav, dir.resolve("concat:voice note|1.wav"));

        assertThat(AudioDecoder.builder().sampleRate(8_000).build().decodeAll(odd).durationSeconds()).isCloseTo(2.0, within(0.01));
    }

    @Test
    void zipFileIsRejectedNamingWhatItIs() throws Exception {
        Path zip = dir.resolve("x.bin");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("a.txt"));
            out.write("hello".repeat(100).getBytes());
        }
        assertThatThrownBy(() -> AudioDecoder.builder().build().decodeAll(zip))
                .isInstanceOf(UnsupportedAudioFormatException.class)
                .hasMessageContaining("'x.bin'").hasMessageContaining("application/zip");
    }

    @Test
    void textFileIsNotAudio() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "do re mi fa sol la si\n".repeat(50));
        assertThatThrownBy(() -> AudioDecoder.builder().build().decodeAll(text))
                .isInstanceOf(UnsupportedAudioFormatException.class).hasMessageContaining("'notes.txt'");
    }

    @Test
    void pngImageHasNoAudioStream() throws Exception {
        Path png = dir.resolve("cover.png");
        var image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", png.toFile());
        assertThatThrownBy(() -> AudioDecoder.builder().build().decodeAll(png))
                .isInstanceOf(UnsupportedAudioFormatException.class).hasMessageContaining("image/png");
    }

    @Test
    void corruptOggBodyIsRejected() throws Exception {
        Path ogg = TestAudio.ffmpeg(wav, dir.resolve("voice.ogg"), "-c:a", "libopus");
        byte[] bytes = Files.readAllBytes(ogg);
        byte[] damaged = new byte[bytes.length];
        new java.util.Random(7).nextBytes(damaged);
        System.arraycopy(bytes, 0, damaged, 0, 4); // keeps "OggS" so FFmpeg has to look deeper
        Path bad = Files.write(dir.resolve("damaged.ogg"), damaged);
        assertThatThrownBy(() -> AudioDecoder.builder().build().decodeAll(bad))
                .isInstanceOf(UnsupportedAudioFormatException.class).hasMessageContaining("'damaged.ogg'");
    }

    @Test
    void emptyFileIsRejected() throws Exception {
        Path empty = Files.write(dir.resolve("empty.webm"), new byte[0]);
        assertThatThrownBy(() -> AudioDecoder.builder().build().decodeAll(empty))
                .isInstanceOf(UnsupportedAudioFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void durationAndSizeLimitsAreEnforced() {
        assertThatThrownBy(() -> AudioDecoder.builder().maxDuration(Duration.ofSeconds(1)).build().decodeAll(wav))
                .isInstanceOf(AudioLimitExceededException.class).hasMessageContaining("limit of 1 s");
        assertThatThrownBy(() -> AudioDecoder.builder().maxBytes(1000).build().decodeAll(wav))
                .isInstanceOf(AudioLimitExceededException.class).hasMessageContaining("1000 bytes");
    }
}
