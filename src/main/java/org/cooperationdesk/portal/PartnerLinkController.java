package org.cooperationdesk.portal;

import java.util.UUID;

import org.cooperationdesk.desk.DeskPage;
import org.cooperationdesk.desk.DeskRefusal;
import org.cooperationdesk.desk.Viewer;
import org.cooperationdesk.notification.NotificationFailedException;
import org.cooperationdesk.notification.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coordinator's hold on partners' links, from the record's page: revoke a link (it stops working at once), send the
 * same link again, or send a new one (the old one stops working); and the files partners sent, checked against their
 * SHA-256 before they are served (passport copies for coordinators only, as the pages' passport numbers).
 */
@DeskPage
class PartnerLinkController {

    static final String LINKS = "/desk/links";
    static final String ATTACHMENTS = "/desk/attachments";
    private static final Logger LOG = LoggerFactory.getLogger(PartnerLinkController.class);

    private final PartnerLinks links;
    private final PartnerSubmissions submissions;
    private final PortalNotifications mails;
    private final java.time.Clock clock;
    private final NotificationService notifications;
    private final Viewer viewer;
    private final TransactionTemplate transaction;

    PartnerLinkController(PartnerLinks links, PartnerSubmissions submissions, PortalNotifications mails, java.time.Clock clock,
                          NotificationService notifications, Viewer viewer, PlatformTransactionManager transactionManager) {
        this.links = links;
        this.submissions = submissions;
        this.mails = mails;
        this.clock = clock;
        this.notifications = notifications;
        this.viewer = viewer;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @PostMapping(LINKS + "/{id}/revoke")
    String revoke(@PathVariable long id, @RequestHeader(value = HttpHeaders.REFERER, required = false) String back, RedirectAttributes flash) {
        PartnerLink link = coordinatorsLink(id);
        links.revoke(link.id(), viewer.getId());
        flash.addFlashAttribute("portalMessage", "portal.record.revoked");
        return backTo(back, link);
    }

    /** The same link, mailed again to its addressee (it must still work). */
    @PostMapping(LINKS + "/{id}/resend")
    String resend(@PathVariable long id, @RequestHeader(value = HttpHeaders.REFERER, required = false) String back, RedirectAttributes flash) {
        PartnerLink link = coordinatorsLink(id);
        if (!link.isLive(clock.instant())) {
            flash.addFlashAttribute("portalMessage", "portal.record.notLive");
            return backTo(back, link);
        }
        send(link, false, flash, "portal.record.resent");
        return backTo(back, link);
    }

    /** A new link for the same scope, mailed to the addressee; the old one stops working. Nothing changes when the mail fails. */
    @PostMapping(LINKS + "/{id}/renew")
    String renew(@PathVariable long id, @RequestHeader(value = HttpHeaders.REFERER, required = false) String back, RedirectAttributes flash) {
        PartnerLink link = coordinatorsLink(id);
        try {
            transaction.executeWithoutResult(tx -> {
                PartnerLink renewed = links.renew(link, links.renewalExpiry(links.lastDay(link)), viewer.getId());
                notifications.send(mails.linkMail(renewed, true), "link-renewal:" + renewed.id(), renewed.reference());
            });
            flash.addFlashAttribute("portalMessage", "portal.record.renewed");
        } catch (NotificationFailedException e) {
            LOG.warn("New link for link {} not sent: {}", id, e.getMessage());
            flash.addFlashAttribute("portalMessage", "portal.record.mailFailed");
        }
        return backTo(back, link);
    }

    private void send(PartnerLink link, boolean replaced, RedirectAttributes flash, String done) {
        try {
            notifications.send(mails.linkMail(link, replaced), "link-resend:" + link.id() + ":" + UUID.randomUUID(), link.reference());
            flash.addFlashAttribute("portalMessage", done);
        } catch (NotificationFailedException e) {
            LOG.warn("Link {} not sent again: {}", link.id(), e.getMessage());
            flash.addFlashAttribute("portalMessage", "portal.record.mailFailed");
        }
    }

    @GetMapping({ATTACHMENTS + "/{id}", ATTACHMENTS + "/{id}/{fileName}"})
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable(required = false) String fileName) {
        viewer.requireOffice();
        PartnerSubmissions.AttachmentContent file;
        try {
            file = submissions.content(id)
                    .filter(found -> fileName == null || fileName.equals(found.attachment().fileName()))
                    .orElseThrow(() -> DeskRefusal.notFound("error.notFound.attachment", id));
        } catch (PartnerSubmissions.AttachmentAlteredException e) {
            throw new DeskRefusal(HttpStatus.INTERNAL_SERVER_ERROR, "error.attachmentAltered", id);
        }
        if (!viewer.readsDocument(file.attachment().showsIdentityDocuments())) {
            throw DeskRefusal.forbidden("error.forbidden.passportCopies", file.attachment().fileName());
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.attachment().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.attachment().fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    private PartnerLink coordinatorsLink(long id) {
        viewer.requireOffice();
        if (!viewer.isCoordinator()) {
            throw DeskRefusal.forbidden("error.forbidden.partnerLinks", viewer.getId());
        }
        PartnerLink link = links.find(id).orElseThrow(() -> DeskRefusal.notFound("error.notFound.partnerLink", id));
        return link;
    }

    /** Back to the record's page the coordinator came from (its address's path): one of the office's pages, never another site. */
    private static String backTo(String referer, PartnerLink link) {
        String path = null;
        try {
            path = referer == null ? null : java.net.URI.create(referer).getRawPath();
        } catch (IllegalArgumentException e) {
            LOG.debug("Unreadable Referer {}", referer);
        }
        return "redirect:" + (path != null && path.startsWith("/desk/") && !path.contains("//") ? path : "/desk");
    }
}
