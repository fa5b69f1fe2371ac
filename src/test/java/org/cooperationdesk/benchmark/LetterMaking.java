package org.cooperationdesk.benchmark;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cooperationdesk.letter.LetterFixtures;
import org.cooperationdesk.letter.LetterKind;
import org.cooperationdesk.letter.LetterRenderer;
import org.cooperationdesk.letter.LetterRequest;
import org.cooperationdesk.letter.LetterSettings;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * How long the office's letters take to make: each kind of letter (letter/LetterKind, the samples of
 * letter/LetterFixtures, with accented and Japanese names) rendered to PDF {@code repeats} times after every kind was
 * made {@code warmUp} times, the median and 95th percentile in milliseconds per kind, and the PDF's size. Template, layout and font embedding are
 * measured, not the database (a letter is kept once, with one insert). No assertions.
 *
 * <p>From a running application: {@code LetterMaking.run(context, 50, 10, System.out)}; on its own, with the
 * application's templates and the demo letterhead (templates read once and cached, as in production):
 * {@code mvn -o -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.cooperationdesk.benchmark.LetterMaking -Dexec.args="50 10"} (repeats, warm-up).
 */
public final class LetterMaking {

    /** One kind of letter: how many were made, median and p95 milliseconds, and the size of the PDF in bytes. */
    public record Result(LetterKind kind, int count, double medianMillis, double p95Millis, int bytes) {
    }

    private LetterMaking() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        LetterRenderer renderer = new LetterRenderer(
                new LetterSettings("classpath:/templates/letters/", Duration.ofMinutes(1)), LetterFixtures.LETTERHEAD,
                new DefaultResourceLoader(), Clock.systemDefaultZone());
        run(renderer, repeats, warmUp, System.out);
    }

    /** With the renderer of a running application (its templates and letterhead). */
    public static List<Result> run(ApplicationContext context, int repeats, int warmUp, PrintStream out) {
        return run(context.getBean(LetterRenderer.class), repeats, warmUp, out);
    }

    public static List<Result> run(LetterRenderer renderer, int repeats, int warmUp, PrintStream out) {
        LocalDate issued = LocalDate.now();
        List<Result> results = new ArrayList<>();
        // Every kind warms up before any is measured: the first kind measured would otherwise pay for the JIT.
        for (int i = 0; i < warmUp; i++) {
            for (LetterRequest letter : LetterFixtures.everyKind()) {
                renderer.render(letter, issued);
            }
        }
        for (LetterRequest letter : LetterFixtures.everyKind()) {
            Latencies latencies = new Latencies(letter.kind().name());
            int bytes = 0;
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                bytes = renderer.render(letter, issued).length;
                latencies.add(System.nanoTime() - start);
            }
            results.add(new Result(letter.kind(), latencies.count(), latencies.percentileMillis(50),
                    latencies.percentileMillis(95), bytes));
        }
        print(results, warmUp, out);
        return results;
    }

    static void print(List<Result> results, int warmUp, PrintStream out) {
        out.printf("%nLetters made (after %d to warm up), milliseconds per letter%n", warmUp);
        out.println("| letter | made | median ms | p95 ms | PDF KB |");
        out.println("|---|---:|---:|---:|---:|");
        for (Result result : results) {
            out.printf("| %s | %d | %.1f | %.1f | %d |%n", result.kind().name(), result.count(), result.medianMillis(),
                    result.p95Millis(), (result.bytes() + 1023) / 1024);
        }
    }
}
