package org.cooperationdesk.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Makes the text a reader copies or searches in a letter the text it prints. Noto Sans JP draws a CJK radical and the
 * ideograph it looks like with one glyph (⾹ U+2F79 and 香 U+9999, ⻑ U+2ED1 and 長 U+9577), and PDFBox writes the
 * lowest of a glyph's code points into the font's ToUnicode map: 佐藤 春香 would print correctly and copy as 佐藤 春⾹.
 * Those glyphs' entries are written again with the ideograph ({@link LetterFonts#ideographs()}).
 */
final class TextLayer {

    private TextLayer() {
    }

    /**
     * The PDF with its fonts' text maps giving ideographs where they gave radicals; the same bytes when none did.
     *
     * @param ideographs by font name, the glyphs (the CIDs of PDFBox's subsets) to be read as an ideograph
     */
    static byte[] withIdeographs(byte[] pdf, Map<String, Map<Integer, String>> ideographs) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            boolean changed = false;
            Set<COSStream> seen = new HashSet<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    Map<Integer, String> shared = ideographs.get(withoutSubsetTag(font.getName()));
                    if (font instanceof PDType0Font && shared != null && !shared.isEmpty()
                            && font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream map
                            && seen.add(map)) {
                        changed |= rewrite(map, shared);
                    }
                }
            }
            if (!changed) {
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            document.save(out);
            return out.toByteArray();
        }
    }

    /** "ABCDEF+NotoSansJP-Regular" is a subset of "NotoSansJP-Regular". */
    private static String withoutSubsetTag(String name) {
        return name != null && name.length() > 7 && name.charAt(6) == '+' ? name.substring(7) : name;
    }

    private static boolean rewrite(COSStream stream, Map<Integer, String> shared) throws IOException {
        CMap map;
        try (InputStream in = stream.createInputStream()) {
            map = new CMapParser().parse(new RandomAccessReadBuffer(in));
        }
        Map<Integer, String> text = new TreeMap<>();
        boolean changed = false;
        for (int code = 0; code <= 0xFFFF; code++) {
            String unicode = map.toUnicode(code, 2);
            if (unicode != null) {
                String ideograph = shared.getOrDefault(code, unicode);
                changed |= !ideograph.equals(unicode);
                text.put(code, ideograph);
            }
        }
        if (changed) {
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(toUnicodeMap(text).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return changed;
    }

    /** A ToUnicode CMap of two-byte codes (PDF 32000-1, 9.10.3), 100 entries a block. */
    private static String toUnicodeMap(Map<Integer, String> text) {
        StringBuilder cmap = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        var entries = text.entrySet().stream().toList();
        for (int start = 0; start < entries.size(); start += 100) {
            var block = entries.subList(start, Math.min(start + 100, entries.size()));
            cmap.append(block.size()).append(" beginbfchar\n");
            for (var entry : block) {
                cmap.append(String.format("<%04X> <", entry.getKey()));
                for (char unit : entry.getValue().toCharArray()) {
                    cmap.append(String.format("%04X", (int) unit));
                }
                cmap.append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        return cmap.append("""
                endcmap
                CMapName currentdict /CMap defineresource pop
                end
                end
                """).toString();
    }
}
