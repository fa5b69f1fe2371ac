package org.cooperationdesk.desk;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The desk's home page: the counts of today from every room, each a link to its list. */
@DeskPage
class DeskHomeController {

    private final List<HomeFigures> rooms;
    private final Viewer viewer;
    private final Clock clock;

    DeskHomeController(List<HomeFigures> rooms, Viewer viewer, Clock clock) {
        this.rooms = rooms;
        this.viewer = viewer;
        this.clock = clock;
    }

    @GetMapping({"/desk", "/desk/"})
    String home(Model model) {
        viewer.requireOffice();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        model.addAttribute("figures", rooms.stream().flatMap(room -> room.figures(today).stream())
                .sorted(Comparator.comparingInt(HomeFigure::place)).toList());
        return "desk/home";
    }

    /** Any other address under /desk: the 404 page, inside the frame of a signed-in reader. */
    @GetMapping("/desk/**")
    String nowhere() {
        viewer.requireSignedIn();
        throw DeskRefusal.notFound("error.notFound");
    }
}
