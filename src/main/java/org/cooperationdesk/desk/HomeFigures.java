package org.cooperationdesk.desk;

import java.time.LocalDate;
import java.util.List;

/** What a room puts on the desk's home page: its counts of today, each linking to its list. */
public interface HomeFigures {

    List<HomeFigure> figures(LocalDate today);
}
