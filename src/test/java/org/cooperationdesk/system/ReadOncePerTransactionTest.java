package org.cooperationdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.cooperationdesk.ProcessTestSupport;
import org.cooperationdesk.partner.Country;
import org.cooperationdesk.partner.PartnerRepository;
import org.cooperationdesk.training.Course;
import org.cooperationdesk.training.CourseRecords;
import org.cooperationdesk.training.CourseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction reads each country and each course once however often its steps name them; the next transaction reads
 * them again, a transaction that changes one through its repository reads the change, and without a transaction every
 * read goes to the table.
 */
class ReadOncePerTransactionTest extends ProcessTestSupport {

    @Autowired
    private PartnerRepository partners;
    @Autowired
    private CourseRecords courses;
    @Autowired
    private PlatformTransactionManager transactionManager;

    @AfterEach
    void cambodiaAsItWas() {
        jdbc.sql("update partner_country set name = 'Cambodia' where code = 'KH'").update();
    }

    @Test
    void aTransactionReadsACountryOnceAndTheNextReadsItAgain() {
        inATransaction(() -> {
            assertThat(partners.countryName("KH")).isEqualTo("Cambodia");
            // Written past the repository: only a second read of the table would see it.
            jdbc.sql("update partner_country set name = 'Kingdom of Cambodia' where code = 'KH'").update();
            assertThat(partners.countryName("KH")).as("read once in this transaction").isEqualTo("Cambodia");
            assertThat(partners.country("KH")).get().extracting(Country::name).isEqualTo("Cambodia");
        });

        assertThat(partners.countryName("KH")).as("the next transaction").isEqualTo("Kingdom of Cambodia");
    }

    @Test
    void aTransactionThatChangesACountryReadsTheChange() {
        inATransaction(() -> {
            Country cambodia = partners.country("KH").orElseThrow();
            partners.updateCountry(new Country(cambodia.code(), "Kingdom of Cambodia", cambodia.nameJa(), cambodia.region(),
                    cambodia.channel()), "admin", Instant.now());

            assertThat(partners.countryName("KH")).isEqualTo("Kingdom of Cambodia");
        });
    }

    @Test
    void withoutATransactionEveryReadGoesToTheTable() {
        assertThat(partners.countryName("KH")).isEqualTo("Cambodia");
        jdbc.sql("update partner_country set name = 'Kingdom of Cambodia' where code = 'KH'").update();

        assertThat(partners.countryName("KH")).isEqualTo("Kingdom of Cambodia");
    }

    @Test
    void aTransactionReadsACourseOnceAndReadsWhatItChanges() {
        Course course = courses.insertCourse(new Course(0, null, "Occupational safety and health", "Tokyo",
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 12), 4, 2, 3, 45, "english", LocalDate.of(2027, 1, 15),
                CourseStatus.OPEN, null), "coordinator", null, LocalDateTime.of(2026, 12, 7, 9, 0));

        inATransaction(() -> {
            assertThat(courses.course(course.id()).status()).isEqualTo(CourseStatus.OPEN);
            jdbc.sql("update course set title = 'Renamed past the records' where id = ?").param(course.id()).update();
            assertThat(courses.course(course.id()).title()).as("read once").isEqualTo("Occupational safety and health");

            courses.updateCourseStatus(course.id(), CourseStatus.NOMINATIONS_CLOSED, null);

            assertThat(courses.course(course.id()).status()).isEqualTo(CourseStatus.NOMINATIONS_CLOSED);
            assertThat(courses.course(course.id()).title()).isEqualTo("Renamed past the records");
        });
        assertThat(courses.course(course.id()).title()).isEqualTo("Renamed past the records");
        jdbc.sql("delete from course where id = ?").param(course.id()).update();
    }

    private void inATransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }
}
