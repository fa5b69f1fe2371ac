package org.cooperationdesk.portal;

import java.util.Set;

import org.cooperationdesk.language.Language;

/**
 * What a room (meeting/, training/, dispatch/, contribution/) does for the links of its purposes: what their page
 * shows and asks now, what becomes of an answer, and how a mail names what a link is for. The portal itself opens the
 * link, renders the form, checks the answer against the form's rules and the files against their slots, and only then
 * calls {@link #receive}.
 */
public interface PortalTarget {

    Set<LinkPurpose> purposes();

    /** The page of a live link, in the request's language (LocaleContextHolder). */
    PortalPage page(PartnerLink link);

    /**
     * Takes an answer that passed the form's rules and the slots' checks: keeps it for a coordinator's review
     * ({@link PartnerSubmissions#receive}) and tells the process, or completes the waiting task.
     *
     * @throws PortalRefusal when the answer is no longer awaited (nothing is changed)
     */
    void receive(PartnerLink link, PortalAnswer answer);

    /** What the link is for, as the mail that carries it says: "the delegation of Cambodia to ASEAN-2026-01". */
    String describe(PartnerLink link, Language language);

    /** How the mails greet the link's addressee ("Dear colleagues", "Dear Dr Tanaka"). */
    default String addresseeName(PartnerLink link, Language language) {
        return language == Language.JA ? "ご担当者" : "colleagues";
    }
}
