package org.cooperationdesk.letter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.core.io.ClassPathResource;

/**
 * The letters' fonts, read once from the classpath and embedded as subsets: DejaVu Sans (Latin with every accent,
 * Vietnamese included, Greek, Cyrillic; from jasperreports-fonts) first, Noto Sans JP (fetched by the build into
 * fonts/) for what DejaVu lacks, Japanese. The templates' CSS names them in this order:
 * {@code font-family: 'DejaVu Sans', 'Noto Sans JP'}.
 */
final class LetterFonts {

    static final String LATIN = "DejaVu Sans";
    static final String JAPANESE = "Noto Sans JP";

    private record Font(String family, int weight, byte[] file) {
    }

    private final List<Font> fonts;
    private final Map<String, Map<Integer, String>> ideographs = new HashMap<>();
    /** The code points DejaVu Sans draws: a letter without any other needs no Japanese font. */
    private final BitSet latin = new BitSet();

    LetterFonts() {
        fonts = List.of(
                new Font(LATIN, 400, read("net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")),
                new Font(LATIN, 700, read("net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf")),
                new Font(JAPANESE, 400, read("fonts/NotoSansJP_400Regular.ttf")),
                new Font(JAPANESE, 700, read("fonts/NotoSansJP_700Bold.ttf")));
        for (Font font : fonts) {
            readFont(font);
        }
    }

    /**
     * Registers the fonts the text needs: DejaVu Sans always, Noto Sans JP when the text has a character DejaVu Sans
     * does not draw (reading a Japanese font of 5 MB costs more than laying out a Latin letter).
     */
    void registerWith(PdfRendererBuilder builder, String text) {
        boolean japanese = text.codePoints().anyMatch(codePoint -> !latin.get(codePoint));
        for (Font font : fonts) {
            if (font.family().equals(LATIN) || japanese) {
                builder.useFont(() -> new ByteArrayInputStream(font.file()), font.family(), font.weight(),
                        FontStyle.NORMAL, true);
            }
        }
    }

    /**
     * By font (PostScript name, "NotoSansJP-Regular"): the glyphs that a CJK radical and an ideograph share, with the
     * ideograph's text. A letter's text layer gives these glyphs the ideograph ({@link TextLayer}).
     */
    Map<String, Map<Integer, String>> ideographs() {
        return ideographs;
    }

    private void readFont(Font font) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font.file()))) {
            CmapLookup unicode = ttf.getUnicodeCmapLookup();
            if (font.family().equals(LATIN) && font.weight() == 400) {
                for (int codePoint = 0; codePoint <= 0x2FFFF; codePoint++) {
                    if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)
                            || unicode.getGlyphId(codePoint) != 0) {
                        latin.set(codePoint);
                    }
                }
            }
            Map<Integer, String> shared = new HashMap<>();
            for (int glyph = 0; glyph < ttf.getNumberOfGlyphs(); glyph++) {
                List<Integer> codePoints = unicode.getCharCodes(glyph);
                if (codePoints != null && codePoints.size() > 1 && isRadical(codePoints.get(0))) {
                    int gid = glyph;
                    codePoints.stream().filter(LetterFonts::isUnifiedIdeograph).findFirst()
                            .ifPresent(ideograph -> shared.put(gid, Character.toString(ideograph)));
                }
            }
            ideographs.put(ttf.getName(), Map.copyOf(shared));
        } catch (IOException e) {
            throw new UncheckedIOException("The letters' font " + font.family() + " cannot be read", e);
        }
    }

    /** Kangxi radicals and the CJK radicals supplement: U+2E80 to U+2FDF. */
    private static boolean isRadical(int codePoint) {
        return codePoint >= 0x2E80 && codePoint <= 0x2FDF;
    }

    private static boolean isUnifiedIdeograph(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN && !isRadical(codePoint)
                && !(codePoint >= 0xF900 && codePoint <= 0xFAFF) && !(codePoint >= 0x2F800 && codePoint <= 0x2FA1F);
    }

    /** A missing font stops the application at start: a letter must never print its names as empty boxes. */
    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The letters' font " + path + " is not on the classpath", e);
        }
    }
}
