package org.cooperationdesk.partner;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The yen value of one unit of a currency on a date, as the office recorded it, with its source. */
public record ExchangeRate(long id, String currency, LocalDate rateDate, BigDecimal yenPerUnit, String source,
                           String recordedBy, Instant recordedAt) {
}
