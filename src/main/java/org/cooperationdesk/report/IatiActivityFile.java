package org.cooperationdesk.report;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.cooperationdesk.contribution.IatiActivities.ActivityDate;
import org.cooperationdesk.contribution.IatiActivities.Budget;
import org.cooperationdesk.contribution.IatiActivities.IatiActivity;
import org.cooperationdesk.contribution.IatiActivities.Participant;
import org.cooperationdesk.contribution.IatiActivities.Transaction;
import org.cooperationdesk.partner.CountryGroup;

/**
 * An IATI activity file, standard 2.03: {@code <iati-activities version="2.03" generated-datetime="...">} with one
 * {@code <iati-activity>} per activity, its elements in the order the 2.03 schema's sequence requires (iati-identifier,
 * reporting-org, title, description, participating-org, activity-status, activity-date, recipient-country,
 * recipient-region, sector, default-flow-type, default-finance-type, default-aid-type, budget, transaction).
 *
 * <p>Codes: reporting-org type 10 (government); activity-date types 1 to 4; a region group of the office's records
 * as the OECD DAC regional code (vocabulary 1: Africa 298, America 498, Asia 798, Europe 89, Oceania 889), any other
 * group (ASEAN, ASEAN+3) in the reporting organisation's own vocabulary (99) with its name; with more than one
 * recipient, percentages split 100 evenly; sectors DAC 5-digit (vocabulary 1); flow type 10 (ODA); aid types DAC
 * (vocabulary 1); budgets original (type 1) and indicative (status 1).
 */
final class IatiActivityFile {

    static final String VERSION = "2.03";
    /** OECD DAC recipient codes of the regions the office's records group countries in. */
    static final Map<String, String> DAC_REGIONS = Map.of("AFRICA", "298", "AMERICAS", "498", "ASIA", "798",
            "EUROPE", "89", "OCEANIA", "889");

    private final XMLStreamWriter xml;
    private final String reportingOrg;
    private final String reportingOrgName;
    private final Map<String, CountryGroup> groups;
    private int depth;

    private IatiActivityFile(XMLStreamWriter xml, String reportingOrg, String reportingOrgName, Map<String, CountryGroup> groups) {
        this.xml = xml;
        this.reportingOrg = reportingOrg;
        this.reportingOrgName = reportingOrgName;
        this.groups = groups;
    }

    static byte[] write(List<IatiActivity> activities, OffsetDateTime generated, String reportingOrg,
                        String reportingOrgName, Map<String, CountryGroup> groups) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            IatiActivityFile file = new IatiActivityFile(xml, reportingOrg, reportingOrgName, groups);
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            file.start("iati-activities");
            xml.writeAttribute("version", VERSION);
            xml.writeAttribute("generated-datetime",
                    generated.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            for (IatiActivity activity : activities) {
                file.activity(activity);
            }
            file.end();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The IATI file could not be written", e);
        }
        return out.toByteArray();
    }

    private void activity(IatiActivity activity) throws XMLStreamException {
        start("iati-activity");
        xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "en");
        String currency = activity.budget() != null ? activity.budget().currency()
                : activity.transactions().isEmpty() ? null : activity.transactions().get(0).currency();
        if (currency != null) {
            xml.writeAttribute("default-currency", currency);
        }
        text("iati-identifier", activity.identifier());
        start("reporting-org");
        xml.writeAttribute("ref", reportingOrg);
        xml.writeAttribute("type", "10");
        narrative(reportingOrgName);
        end();
        start("title");
        narrative(activity.title());
        end();
        start("description");
        xml.writeAttribute("type", "1");
        narrative(activity.description());
        end();
        for (Participant participant : activity.participatingOrgs()) {
            start("participating-org");
            if (participant.ref() != null) {
                xml.writeAttribute("ref", participant.ref());
            }
            xml.writeAttribute("role", String.valueOf(participant.role()));
            if (reportingOrg.equals(participant.ref())) {
                xml.writeAttribute("type", "10");
            }
            narrative(participant.name());
            end();
        }
        empty("activity-status", "code", String.valueOf(activity.activityStatus()));
        for (ActivityDate date : activity.activityDates()) {
            if (date.date() != null) {
                empty("activity-date", "type", String.valueOf(date.type()), "iso-date", date.date().toString());
            }
        }
        recipients(activity);
        empty("sector", "code", activity.sector(), "vocabulary", "1");
        empty("default-flow-type", "code", "10");
        empty("default-finance-type", "code", activity.financeType());
        empty("default-aid-type", "code", activity.aidType(), "vocabulary", "1");
        if (activity.budget() != null) {
            for (Budget year : inYears(activity.budget())) {
                budget(year);
            }
        }
        for (Transaction transaction : activity.transactions()) {
            transaction(transaction, activity);
        }
        end();
    }

    private void recipients(IatiActivity activity) throws XMLStreamException {
        List<String> countries = activity.recipientCountries();
        String region = activity.recipientRegion();
        int count = countries.size() + (region == null ? 0 : 1);
        List<String> shares = shares(count);
        for (int i = 0; i < countries.size(); i++) {
            if (count > 1) {
                empty("recipient-country", "code", countries.get(i), "percentage", shares.get(i));
            } else {
                empty("recipient-country", "code", countries.get(i));
            }
        }
        if (region != null) {
            CountryGroup group = groups.get(region);
            String dac = DAC_REGIONS.get(region);
            start("recipient-region");
            xml.writeAttribute("code", dac != null ? dac : region);
            xml.writeAttribute("vocabulary", dac != null ? "1" : "99");
            if (count > 1) {
                xml.writeAttribute("percentage", shares.get(count - 1));
            }
            narrative(group == null ? region : group.name());
            end();
        }
    }

    /** 100 split into count parts of two decimals that add up to 100 exactly. */
    static List<String> shares(int count) {
        List<String> shares = new ArrayList<>();
        if (count == 0) {
            return shares;
        }
        BigDecimal each = BigDecimal.valueOf(100).divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
        BigDecimal rest = BigDecimal.valueOf(100).subtract(each.multiply(BigDecimal.valueOf(count - 1L)));
        for (int i = 0; i < count - 1; i++) {
            shares.add(each.stripTrailingZeros().toPlainString());
        }
        shares.add(rest.stripTrailingZeros().toPlainString());
        return shares;
    }

    /**
     * IATI's rule: a budget covers at most one year. A longer one becomes consecutive periods of a year from its start
     * (the last one to its end), the value shared by the days of each, in cents or yen as the currency writes them,
     * the last period taking what rounding left so that the periods add up to the budget.
     */
    static List<Budget> inYears(Budget budget) {
        if (!budget.periodEnd().isAfter(budget.periodStart().plusYears(1).minusDays(1))) {
            return List.of(budget);
        }
        long days = ChronoUnit.DAYS.between(budget.periodStart(), budget.periodEnd()) + 1;
        int scale = Math.max(0, budget.value().scale());
        List<Budget> years = new ArrayList<>();
        BigDecimal shared = BigDecimal.ZERO;
        for (LocalDate start = budget.periodStart(); !start.isAfter(budget.periodEnd()); start = start.plusYears(1)) {
            LocalDate end = start.plusYears(1).minusDays(1);
            if (end.isAfter(budget.periodEnd())) {
                end = budget.periodEnd();
            }
            BigDecimal value;
            if (end.equals(budget.periodEnd())) {
                value = budget.value().subtract(shared);
            } else {
                value = budget.value().multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(start, end) + 1))
                        .divide(BigDecimal.valueOf(days), scale, RoundingMode.HALF_UP);
                shared = shared.add(value);
            }
            years.add(new Budget(start, end, budget.currency(), value, budget.valueDate()));
        }
        return years;
    }

    private void budget(Budget budget) throws XMLStreamException {
        start("budget");
        xml.writeAttribute("type", "1");
        xml.writeAttribute("status", "1");
        empty("period-start", "iso-date", budget.periodStart().toString());
        empty("period-end", "iso-date", budget.periodEnd().toString());
        value(budget.currency(), budget.valueDate(), budget.value());
        end();
    }

    private void transaction(Transaction transaction, IatiActivity activity) throws XMLStreamException {
        start("transaction");
        empty("transaction-type", "code", String.valueOf(transaction.transactionType()));
        empty("transaction-date", "iso-date", transaction.date().toString());
        value(transaction.currency(), transaction.date(), transaction.value());
        start("provider-org");
        xml.writeAttribute("ref", reportingOrg);
        narrative(reportingOrgName);
        end();
        activity.participatingOrgs().stream().filter(participant -> participant.role() == 4).findFirst()
                .ifPresent(receiver -> {
                    try {
                        start("receiver-org");
                        xml.writeAttribute("ref", receiver.ref());
                        narrative(receiver.name());
                        end();
                    } catch (XMLStreamException e) {
                        throw new IllegalStateException(e);
                    }
                });
        end();
    }

    private void value(String currency, LocalDate valueDate, BigDecimal amount) throws XMLStreamException {
        start("value");
        xml.writeAttribute("currency", currency);
        xml.writeAttribute("value-date", valueDate.toString());
        xml.writeCharacters(amount.stripTrailingZeros().toPlainString());
        xml.writeEndElement();
        depth--;
    }

    // ---------------------------------------------------------------- indented XML

    private void narrative(String text) throws XMLStreamException {
        text("narrative", text == null ? "" : text);
    }

    private void text(String element, String text) throws XMLStreamException {
        start(element);
        xml.writeCharacters(text);
        xml.writeEndElement();
        depth--;
    }

    private void empty(String element, String... attributes) throws XMLStreamException {
        indent();
        xml.writeEmptyElement(element);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            xml.writeAttribute(attributes[i], attributes[i + 1]);
        }
    }

    private void start(String element) throws XMLStreamException {
        indent();
        xml.writeStartElement(element);
        depth++;
    }

    private void end() throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
