package org.cooperationdesk.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;

/**
 * The letters' fonts, read once from the classpath and embedded as subsets: DejaVu Sans (Latin with every accent,
 * Vietnamese included, Greek, Cyrillic; from jasperreports-fonts) first, Noto Sans JP (fetched by the build into
 * fonts/) for what DejaVu lacks, Japanese. The templates' CSS names them in this order:
 * {@code font-family: 'DejaVu Sans', 'Noto Sans JP'}.
 * <p>
 * The files are checked at start (a missing font stops the application) but read and parsed when the first letter is
 * made: 12 MB of font files and the parse of four TrueType fonts (about 2 % of the start-up's CPU, see
 * docs/benchmarks.md) are not worth paying for an application that may make no letter before its first restart.
 * Parsed fonts are then kept and lent to one letter at a time ({@link #lease()}).
 */
final class LetterFonts {

    static final String LATIN = "DejaVu Sans";
    static final String JAPANESE = "Noto Sans JP";

    private record Font(String family, int weight, byte[] file) {
    }

    /** Where the fonts are, in the order the templates name them. */
    private record Source(String family, int weight, String path) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source(LATIN, 400, "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf"),
            new Source(LATIN, 700, "net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf"),
            new Source(JAPANESE, 400, "fonts/NotoSansJP_400Regular.ttf"),
            new Source(JAPANESE, 700, "fonts/NotoSansJP_700Bold.ttf"));

    /** What the first letter reads, then every letter uses. */
    private record Loaded(List<Font> fonts, Map<String, Map<Integer, String>> ideographs, BitSet latin) {
    }

    private volatile Loaded loaded;

    LetterFonts() {
        for (Source source : SOURCES) {
            if (!new ClassPathResource(source.path()).exists()) {
                throw new UncheckedIOException(new IOException("The letters' font " + source.path()
                        + " is not on the classpath"));
            }
        }
    }

    private Loaded loaded() {
        Loaded result = loaded;
        if (result == null) {
            synchronized (this) {
                result = loaded;
                if (result == null) {
                    result = load();
                    loaded = result;
                }
            }
        }
        return result;
    }

    private static Loaded load() {
        List<Font> fonts = SOURCES.stream().map(source -> new Font(source.family(), source.weight(), read(source.path())))
                .toList();
        Map<String, Map<Integer, String>> ideographs = new HashMap<>();
        BitSet latin = new BitSet();
        for (Font font : fonts) {
            readFont(font, ideographs, latin);
        }
        return new Loaded(fonts, Map.copyOf(ideographs), latin);
    }

    /**
     * A set of parsed fonts for one letter, given back when the letter is saved: a parsed font reads its tables from
     * its file as it goes, so a set serves one letter at a time. Parsing DejaVu Sans and Noto Sans JP for every letter
     * (their character maps and metrics) was about a third of a letter's CPU (docs/benchmarks.md); a set is parsed
     * when no idle one is left, so there are as many as letters were ever made at once.
     */
    Lease lease() {
        Loaded fonts = loaded();
        Parsed parsed = idle.poll();
        if (parsed == null) {
            parsed = parse(fonts);
            setsParsed.incrementAndGet();
        }
        return new Lease(fonts, parsed);
    }

    private final Queue<Parsed> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger setsParsed = new AtomicInteger();

    /** How many sets of parsed fonts were made: at most as many as letters were made at once. */
    int setsParsed() {
        return setsParsed.get();
    }

    /** The fonts of {@link #SOURCES}, parsed, in the same order. */
    private record Parsed(List<TrueTypeFont> fonts) {
    }

    private static Parsed parse(Loaded loaded) {
        return new Parsed(loaded.fonts().stream().map(font -> {
            try {
                return new TTFParser().parse(new RandomAccessReadBuffer(font.file()));
            } catch (IOException e) {
                throw new UncheckedIOException("The letters' font " + font.family() + " cannot be read", e);
            }
        }).toList());
    }

    /** One letter's use of a set of parsed fonts; closing it gives the set back. */
    final class Lease implements AutoCloseable {

        private final Loaded loaded;
        private final Parsed parsed;

        private Lease(Loaded loaded, Parsed parsed) {
            this.loaded = loaded;
            this.parsed = parsed;
        }

        /**
         * Registers the fonts the text needs with the letter's document: DejaVu Sans always, Noto Sans JP when the
         * text has a character DejaVu Sans does not draw. A font is embedded (as a subset) only when the layout first
         * uses it.
         */
        void registerWith(PdfRendererBuilder builder, PDDocument document, String text) {
            boolean japanese = text.codePoints().anyMatch(codePoint -> !loaded.latin().get(codePoint));
            for (int i = 0; i < loaded.fonts().size(); i++) {
                Font font = loaded.fonts().get(i);
                if (font.family().equals(LATIN) || japanese) {
                    builder.useFont(new EmbeddedWhenUsed(document, parsed.fonts().get(i)), font.family(), font.weight(),
                            FontStyle.NORMAL, true);
                }
            }
        }

        @Override
        public void close() {
            idle.add(parsed);
        }
    }

    /** The font as a subset in the document, made when openhtmltopdf first asks for it (it asks once per letter). */
    private static final class EmbeddedWhenUsed extends PDFontSupplier {

        private final PDDocument document;
        private final TrueTypeFont font;

        EmbeddedWhenUsed(PDDocument document, TrueTypeFont font) {
            super(null);
            this.document = document;
            this.font = font;
        }

        @Override
        public PDFont supply() {
            try {
                return PDType0Font.load(document, font, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * By font (PostScript name, "NotoSansJP-Regular"): the glyphs that a CJK radical and an ideograph share, with the
     * ideograph's text. A letter's text layer gives these glyphs the ideograph ({@link TextLayer}).
     */
    Map<String, Map<Integer, String>> ideographs() {
        return loaded().ideographs();
    }

    private static void readFont(Font font, Map<String, Map<Integer, String>> ideographs, BitSet latin) {
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

    /** A missing font stops the application at start (see the constructor): a letter must never print its names as
     * empty boxes. */
    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The letters' font " + path + " is not on the classpath", e);
        }
    }
}
