package org.cooperationdesk.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An IATI transaction: the commitment the signed agreement makes, and each disbursement. */
public record ContributionTransaction(long id, Kind kind, LocalDate transactionDate, BigDecimal amount, String currency,
                                      BigDecimal amountYen, Long rateId, Long trancheId, String description) {

    public enum Kind {
        /** IATI transaction type 2, outgoing commitment. */
        COMMITMENT(2),
        /** IATI transaction type 3, disbursement. */
        DISBURSEMENT(3);

        private final int iatiCode;

        Kind(int iatiCode) {
            this.iatiCode = iatiCode;
        }

        public int iatiCode() {
            return iatiCode;
        }
    }
}
