package org.cooperationdesk.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cooperationdesk.letter.LetterFixtures.ISSUED;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of letter as a PDF read back with PDFBox: what it says, its fonts, its page; no Spring needed. */
class LetterRendererTest {

    static final LetterRenderer RENDERER = LetterFixtures.renderer();

    @Test
    void shouldInviteAGovernmentInTheFormalThirdPersonOfANoteVerbale() throws IOException {
        String text = text(RENDERER.render(LetterFixtures.noteVerbale(), ISSUED));

        assertThat(text).contains("Ministry of Health, Labour and Welfare", "JAPAN",
                "International Cooperation Office, Minister's Secretariat", "1-2-2 Kasumigaseki, Chiyoda-ku",
                "NOTE VERBALE", "No. MT-2027-0004",
                "The Ministry of Health, Labour and Welfare of Japan presents its compliments to the Government of "
                        + "Viet Nam and has the honour to invite the Government of Viet Nam to send a delegation to the "
                        + "ASEAN and Japan High Level Officials Meeting on Caring Societies, to be held at Hotel New Otani, "
                        + "Japan, from 6 September 2027 to 8 September 2027.",
                "up to 3 members", "by 30 July 2027, quoting the reference MT-2027-0004",
                "The Ministry of Health, Labour and Welfare of Japan avails itself of this opportunity to renew to the "
                        + "Government of Viet Nam the assurances of its highest consideration.",
                "Tokyo, 5 March 2027", "International cooperation focal point");
    }

    @Test
    void shouldAnnounceACourseToAGovernmentThroughItsEmbassy() throws IOException {
        String text = text(RENDERER.render(LetterFixtures.courseAnnouncement(), ISSUED));

        assertThat(text).contains("Embassy of the Kingdom of Thailand in Japan", "Our reference: TC-2027-0002",
                "has the honour to invite the Government of Thailand to nominate candidates",
                "Training Program of Leaders in Labour Administration (TC-2027-0002)", "Up to 2 per country",
                "at most 45 years of age, working knowledge of English", "30 June 2027",
                "renew to the Embassy of the Kingdom of Thailand in Japan the assurances", "Michiko Watanabe",
                "Director, International Cooperation Office");
    }

    @Test
    void shouldPrintAccentedAndJapaneseNamesAsWritten() throws IOException {
        String visa = text(RENDERER.render(LetterFixtures.visaLetter(), ISSUED));

        assertThat(visa).contains("Nguyễn Thị Minh Khai Head of delegation C1234567", "Đặng Văn Lâm Delegate C7654321",
                "佐藤 春香 Delegate TZ0001122", "delegation of Viet Nam",
                "kindly requests the consular authorities to facilitate the issue of their visas");
        assertThat(text(RENDERER.render(LetterFixtures.acceptance(), ISSUED))).contains("Dear José Müller,",
                "you have been accepted for the training course", "Copy: the Government of Philippines");
        assertThat(text(RENDERER.render(LetterFixtures.regret(), ISSUED))).contains("Dear Siriporn Chaiyasit,",
                "cannot accept you for this course. Reason: Not enough years of experience.");
        assertThat(text(RENDERER.render(LetterFixtures.deploymentLetter(), ISSUED))).contains("Dear Dr. 佐藤 春香,",
                "confirms your deployment to Cambodia at the request of World Health Organization (GOARN)",
                "1 April 2027", "28 April 2027", "TM-2027-55871");
    }

    @Test
    void shouldNumberTheCertificateOnALandscapePage() throws IOException {
        byte[] pdf = RENDERER.render(LetterFixtures.certificate(), ISSUED);

        assertThat(text(pdf)).contains("CERTIFICATE OF COMPLETION", "This is to certify that", "Nguyễn Thị Minh Khai",
                "of Viet Nam", "Training Program of Leaders in Labour Administration",
                "Certificate No. TC-2027-0002/07", "Tokyo, 5 March 2027", "Michiko Watanabe");
        // The same in Japanese on the same page, under each English line.
        assertThat(text(pdf).replace(" ", "")).contains("修了証書", "（ベトナム）", "上記の者は、", "2027年10月4日から", "2027年10月22日まで",
                "を修了したことを証する。", "証書番号TC-2027-0002/07", "2027年3月5日", "厚生労働省大臣官房国際課長",
                "渡辺美智子");
        assertThat(LetterFixtures.certificate().languageTag()).isEqualTo("en+ja");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertA4(document.getPage(0), true);
        }
        assertThat(LetterFixtures.certificate().fileName()).isEqualTo("TC-2027-0002-07-certificate.pdf");
    }

    @Test
    void shouldWriteTheDeploymentLetterOfAnExpertWhoReadsJapaneseInJapanese() throws IOException {
        LetterRequest letter = LetterFixtures.deploymentLetterInJapanese();
        byte[] pdf = RENDERER.render(letter, ISSUED);

        String text = text(pdf).replace(" ", "");
        assertThat(text).contains("厚生労働省", "大臣官房国際課", "文書番号DR-2027-0011", "2027年3月5日", "山本直美様",
                "厚生労働省大臣官房国際課長", "渡辺美智子", "カンボジアへの専門家派遣について（通知）",
                "世界保健機関（GOARN）からの要請", "記", "2027年4月1日", "2027年4月28日", "TM-2027-55871", "以上");
        assertThat(text).doesNotContain("Dear", "Yours sincerely", "5 March 2027");
        assertThat(letter.languageTag()).isEqualTo("ja");
        assertThat(letter.fileName()).isEqualTo("DR-2027-0011-deployment-letter-3-ja.pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertA4(document.getPage(0), false);
        }
    }

    @Test
    void shouldEmbedEveryFontAndUsePortraitA4ForLetters() throws IOException {
        for (LetterRequest letter : LetterFixtures.everyKind()) {
            try (PDDocument document = Loader.loadPDF(RENDERER.render(letter, ISSUED))) {
                List<String> fonts = new ArrayList<>();
                for (PDPage page : document.getPages()) {
                    assertA4(page, letter.kind() == LetterKind.CERTIFICATE);
                    for (var name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        assertThat(font.isEmbedded()).as("%s in the %s", font.getName(), letter.kind()).isTrue();
                        fonts.add(font.getName());
                    }
                }
                assertThat(fonts).as(letter.kind().name()).anyMatch(font -> font.contains("DejaVuSans"));
            }
        }
    }

    @Test
    void shouldTakeJapaneseFromNotoSansJp() throws IOException {
        try (PDDocument document = Loader.loadPDF(RENDERER.render(LetterFixtures.visaLetter(), ISSUED))) {
            List<String> fonts = new ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                fonts.add(document.getPage(0).getResources().getFont(name).getName());
            }
            assertThat(fonts).anyMatch(font -> font.contains("NotoSansJP")).anyMatch(font -> font.contains("DejaVuSans"));
        }
    }

    @Test
    void shouldPrintAJapaneseLetterheadAsWritten() throws IOException {
        Letterhead japanese = new Letterhead("厚生労働省", "日本", "大臣官房国際課", List.of("東京都千代田区霞が関1-2-2"), null,
                null, "東京", "渡辺 美智子", "国際課長");

        String text = text(LetterFixtures.renderer("classpath:/templates/letters/", japanese)
                .render(LetterFixtures.courseAnnouncement(), ISSUED));

        assertThat(text).contains("厚生労働省", "大臣官房国際課", "東京都千代田区霞が関1-2-2", "東京, 5 March 2027", "渡辺 美智子", "国際課長");
    }

    @Test
    void shouldMakeTheSameBytesFromTheSameLetterOnTheSameDay() throws IOException {
        byte[] first = RENDERER.render(LetterFixtures.acceptance(), ISSUED);
        byte[] second = RENDERER.render(LetterFixtures.acceptance(), ISSUED);

        assertThat(second).isEqualTo(first);
        assertThat(RENDERER.render(LetterFixtures.acceptance(), ISSUED.plusDays(1))).isNotEqualTo(first);
        try (PDDocument document = Loader.loadPDF(first)) {
            assertThat(document.getDocumentInformation().getProducer()).isEqualTo(LetterRenderer.PRODUCER);
            assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(ISSUED.atStartOfDay(java.time.ZoneId.of("Asia/Tokyo")).toInstant());
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Acceptance letter TC-2027-0002");
        }
    }

    @Test
    void lettersMadeOneAfterAnotherShareOneSetOfParsedFontsAndLettersMadeAtOnceTheSameBytesFromSetsOfTheirOwn()
            throws Exception {
        LetterRenderer renderer = LetterFixtures.renderer();
        List<LetterRequest> letters = LetterFixtures.everyKind();
        List<byte[]> oneAfterAnother = new ArrayList<>();
        for (LetterRequest letter : letters) {
            oneAfterAnother.add(renderer.render(letter, ISSUED));
        }
        assertThat(renderer.fonts().setsParsed()).isEqualTo(1);

        int atOnce = 4;
        CyclicBarrier start = new CyclicBarrier(atOnce);
        ExecutorService threads = Executors.newFixedThreadPool(atOnce);
        try {
            List<Future<List<byte[]>>> made = new ArrayList<>();
            for (int t = 0; t < atOnce; t++) {
                made.add(threads.submit(() -> {
                    start.await();
                    List<byte[]> pdfs = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        for (LetterRequest letter : letters) {
                            pdfs.add(renderer.render(letter, ISSUED));
                        }
                    }
                    return pdfs;
                }));
            }
            for (Future<List<byte[]>> thread : made) {
                List<byte[]> pdfs = thread.get(2, TimeUnit.MINUTES);
                for (int i = 0; i < pdfs.size(); i++) {
                    assertThat(pdfs.get(i)).as(letters.get(i % letters.size()).description())
                            .isEqualTo(oneAfterAnother.get(i % letters.size()));
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(renderer.fonts().setsParsed()).isBetween(1, atOnce);
    }

    @Nested
    class TheOfficesOwnTemplates {

        @TempDir
        Path directory;

        @Test
        void shouldReadTheWordingFromTheOfficesDirectory() throws IOException {
            copyTemplates();
            Path regret = directory.resolve("en/regret-letter.html");
            Files.writeString(regret, Files.readString(regret).replace("We thank you for your interest",
                    "The Ministry thanks you warmly for your interest"));

            String text = text(LetterFixtures.renderer(directory.toUri().toString(), LetterFixtures.LETTERHEAD)
                    .render(LetterFixtures.regret(), ISSUED));

            assertThat(text).contains("The Ministry thanks you warmly for your interest", "Siriporn Chaiyasit");
        }

        @Test
        void shouldFailLoudlyWhenATemplateIsBroken() throws IOException {
            copyTemplates();
            Files.writeString(directory.resolve("en/regret-letter.html"), "<html><body><p>unclosed</body></html>");
            LetterRenderer renderer = LetterFixtures.renderer(directory.toUri().toString(), LetterFixtures.LETTERHEAD);

            assertThatThrownBy(() -> renderer.render(LetterFixtures.regret(), ISSUED)).hasMessageContaining("regret-letter");
        }

        @Test
        void shouldNeverFetchAnythingFromTheNetwork() throws IOException {
            AtomicInteger requests = new AtomicInteger();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                byte[] body = "body { color: red; }".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            try {
                copyTemplates();
                String base = "http://127.0.0.1:" + server.getAddress().getPort();
                Path regret = directory.resolve("en/regret-letter.html");
                Files.writeString(regret, Files.readString(regret).replace("</head>",
                        "<link rel=\"stylesheet\" href=\"" + base + "/letter.css\"/></head>").replace("</body>",
                        "<img src=\"" + base + "/logo.png\"/></body>"));

                String text = text(LetterFixtures.renderer(directory.toUri().toString(), LetterFixtures.LETTERHEAD)
                        .render(LetterFixtures.regret(), ISSUED));

                assertThat(text).contains("Siriporn Chaiyasit");
                assertThat(requests).as("requests the renderer made").hasValue(0);
            } finally {
                server.stop(0);
            }
        }

        private void copyTemplates() throws IOException {
            Path source = Path.of("src/main/resources/templates/letters");
            try (var files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = directory.resolve(source.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
    }

    /** The text a reader sees, its lines joined: a phrase the layout wrapped is still one phrase. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    static void assertA4(PDPage page, boolean landscape) {
        PDRectangle box = page.getMediaBox();
        float[] size = {box.getWidth(), box.getHeight()};
        float[] a4 = landscape ? new float[] {PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()}
                : new float[] {PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight()};
        assertThat(size[0]).as("width of %s", Arrays.toString(size)).isCloseTo(a4[0], org.assertj.core.data.Offset.offset(1f));
        assertThat(size[1]).as("height of %s", Arrays.toString(size)).isCloseTo(a4[1], org.assertj.core.data.Offset.offset(1f));
    }
}
