package org.cooperationdesk.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cooperationdesk.form.FieldError;
import org.cooperationdesk.form.FormSubmissionValidator;
import org.cooperationdesk.form.InvalidSubmissionException;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.language.LanguageFilter;
import org.cooperationdesk.language.RequestLanguage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * A partner's page, opened by a personal link: what is asked, the deadline, what was already sent, and the form that
 * takes the answer (the coordinator's Camunda Form, its rules and messages) with its files. No account and no session:
 * the link is the partner's key, so the page needs no CSRF token (a forged request would need the link). Every refusal
 * is a page in the partner's language; a link that opens nothing gets one answer whatever the reason.
 */
@Controller
class PortalController {

    static final String PATH = "/portal/";
    private static final Logger LOG = LoggerFactory.getLogger(PortalController.class);

    private final PartnerLinks links;
    private final PortalTargets targets;
    private final PortalForms forms;
    private final PartnerSubmissions submissions;
    private final FormSubmissionValidator validator;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final DataSize maxFileSize;

    PortalController(PartnerLinks links, PortalTargets targets, PortalForms forms, PartnerSubmissions submissions,
                     FormSubmissionValidator validator, MessageSource messages, PlatformTransactionManager transactionManager,
                     @Value("${coopdesk.portal.max-file-size}") DataSize maxFileSize) {
        this.links = links;
        this.targets = targets;
        this.forms = forms;
        this.submissions = submissions;
        this.validator = validator;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactionManager);
        this.maxFileSize = maxFileSize;
    }

    @GetMapping(PATH + "{token}")
    String show(@PathVariable String token, HttpServletRequest request, Model model) {
        PartnerLink link = links.open(token, request.getRemoteAddr(), "OPEN");
        inLanguageOf(link, request);
        PortalPage page = targets.of(link.purpose()).page(link);
        List<PortalField> fields = page.asks() ? prefilled(forms.fields(page, LocaleContextHolder.getLocale()), page.prefill()) : List.of();
        model.addAttribute("action", request.getRequestURI());
        return render(model, link, page, fields, List.of(), request.getParameter("sent") != null, null);
    }

    @PostMapping(PATH + "{token}")
    String submit(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        String address = request.getRemoteAddr();
        PartnerLink link = links.open(token, address, "SUBMIT");
        inLanguageOf(link, request);
        PortalTarget target = targets.of(link.purpose());
        PortalPage page = target.page(link);
        if (!page.asks()) {
            links.logOutcome(link, address, "SUBMIT", "NOT_ASKED");
            throw new PortalRefusal(page.closedKey() == null ? "portal.refused.notAsked" : page.closedKey());
        }
        List<PortalField> fields = forms.fields(page, LocaleContextHolder.getLocale());
        Map<String, Object> values = forms.answer(fields, request.getParameterMap());
        values.putAll(page.fixed());
        List<FieldError> errors = new ArrayList<>();
        try {
            validator.validate(page.formId(), key -> values.containsKey(key) ? values.get(key) : page.context().get(key),
                    "partner-link:" + link.id());
        } catch (InvalidSubmissionException refused) {
            Set<String> officeFields = forms.officeFields(page);
            refused.errors().stream().filter(error -> !officeFields.contains(error.field())).forEach(errors::add);
        }
        List<Upload> uploads = new ArrayList<>();
        Map<String, String> fileErrors = checkFiles(page, link, values, request, uploads);
        if (!errors.isEmpty() || !fileErrors.isEmpty()) {
            links.logOutcome(link, address, "SUBMIT", "REFUSED");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> byField = errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::message,
                    (first, second) -> first, LinkedHashMap::new));
            List<PortalField> shown = new ArrayList<>();
            for (PortalField field : fields) {
                shown.add(field.withValue(values.get(field.key()), byField.get(field.key())));
            }
            List<String> problems = new ArrayList<>();
            errors.forEach(error -> problems.add(error.describe()));
            problems.addAll(fileErrors.values());
            model.addAttribute("fileErrors", fileErrors);
            model.addAttribute("action", request.getRequestURI());
            return render(model, link, page, shown, problems, false, null);
        }
        transaction.executeWithoutResult(tx -> target.receive(link, new PortalAnswer(page.formId(), values, uploads, address)));
        links.logOutcome(link, address, "SUBMIT", "RECEIVED");
        // 303: the browser shows the page again with GET, so reloading it never sends the answer twice.
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + PATH + token + "?sent");
        return null;
    }

    /** The files of each slot: of a type the slot takes (told from the content), within the size limit, one unless it takes several. */
    private Map<String, String> checkFiles(PortalPage page, PartnerLink link, Map<String, Object> values,
                                           HttpServletRequest request, List<Upload> uploads) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, List<MultipartFile>> sent = new HashMap<>();
        if (request instanceof MultipartHttpServletRequest multipart) {
            for (AttachmentSlot slot : page.slots()) {
                sent.put(slot.name(), multipart.getFiles(slot.name()).stream().filter(file -> !file.isEmpty()).toList());
            }
        }
        Set<String> kept = keptSlots(link);
        for (AttachmentSlot slot : page.slots()) {
            String label = message("portal.slot." + slot.name());
            List<MultipartFile> files = sent.getOrDefault(slot.name(), List.of());
            boolean needed = slot.required() && (slot.requiredWhenField() == null
                    || slot.requiredWhenValue().equals(String.valueOf(values.get(slot.requiredWhenField()))));
            if (files.isEmpty()) {
                if (needed && !kept.contains(slot.name())) {
                    problems.put(slot.name(), message("portal.file.required", label));
                }
                continue;
            }
            if (!slot.multiple() && files.size() > 1) {
                problems.put(slot.name(), message("portal.file.one", label));
                continue;
            }
            for (MultipartFile file : files) {
                String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
                if (file.getSize() > maxFileSize.toBytes()) {
                    problems.put(slot.name(), message("portal.file.tooLarge", label, name, maxFileSize.toMegabytes()));
                    break;
                }
                byte[] content;
                try {
                    content = file.getBytes();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                AttachmentKind.FileType type = AttachmentKind.FileType.of(content);
                if (type == null || !slot.kind().accepted().contains(type)) {
                    problems.put(slot.name(), message("portal.file.type", label, name, slot.kind().accepted().stream()
                            .map(AttachmentKind.FileType::displayName).sorted().collect(Collectors.joining(", "))));
                    break;
                }
                uploads.add(new Upload(slot.name(), name, content));
            }
        }
        if (!problems.isEmpty()) {
            uploads.clear();
        }
        return problems;
    }

    /** The slots a returned answer already has files in: a corrected answer keeps them unless it sends new ones. */
    private Set<String> keptSlots(PartnerLink link) {
        return submissions.latest(link.scope()).filter(latest -> latest.status() == SubmissionStatus.RETURNED)
                .map(latest -> submissions.attachments(latest.id()).stream().map(StoredAttachment::slot).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    private String render(Model model, PartnerLink link, PortalPage page, List<PortalField> fields, List<String> problems,
                          boolean sent, String refusal) {
        model.addAttribute("page", page);
        model.addAttribute("fields", fields);
        model.addAttribute("problems", problems);
        model.addAttribute("sent", sent);
        model.addAttribute("refusal", refusal);
        model.addAttribute("lastDay", links.lastDay(link));
        model.addAttribute("maxFileMegabytes", maxFileSize.toMegabytes());
        model.addAttribute("kept", keptFiles(link));
        model.addAttribute("submissions", page.sent());
        if (!model.containsAttribute("fileErrors")) {
            model.addAttribute("fileErrors", Map.of());
        }
        return "portal/page";
    }

    private List<StoredAttachment> keptFiles(PartnerLink link) {
        return submissions.latest(link.scope()).map(latest -> submissions.attachments(latest.id())).orElse(List.of());
    }

    private static List<PortalField> prefilled(List<PortalField> fields, Map<String, Object> prefill) {
        return fields.stream().map(field -> field.withValue(prefill.get(field.key()), null)).toList();
    }

    /**
     * The page speaks the link's language (the record's: an expert's correspondence language, English for governments)
     * unless the partner chose one with the page's switch (its parameter or cookie).
     */
    private static void inLanguageOf(PartnerLink link, HttpServletRequest request) {
        boolean chosen = Language.ofTag(request.getParameter(LanguageFilter.PARAMETER)).isPresent() || hasLanguageCookie(request);
        if (!chosen) {
            RequestLanguage.use(request, link.language());
        }
    }

    private static boolean hasLanguageCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (Cookie cookie : request.getCookies()) {
            if (LanguageFilter.COOKIE.equals(cookie.getName()) && Language.ofTag(cookie.getValue()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    @ExceptionHandler(LinkThrottle.DeadLinkException.class)
    String deadLink(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "portal/unavailable";
    }

    @ExceptionHandler(LinkThrottle.SlowDownException.class)
    String slowDown(LinkThrottle.SlowDownException slowDown, HttpServletResponse response, Model model) {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(slowDown.retryAfter().toSeconds()));
        model.addAttribute("minutes", Math.max(1, (slowDown.retryAfter().toSeconds() + 59) / 60));
        return "portal/slow-down";
    }

    @ExceptionHandler(PortalRefusal.class)
    String refused(PortalRefusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("back", request.getRequestURI());
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("reason", message(refusal.messageKey(), refusal.arguments()));
        return "portal/refused";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("back", request.getRequestURI());
        LOG.info("A partner's upload exceeded the request size limit");
        response.setStatus(413);
        model.addAttribute("reason", message("portal.file.requestTooLarge", maxFileSize.toMegabytes()));
        return "portal/refused";
    }
}
