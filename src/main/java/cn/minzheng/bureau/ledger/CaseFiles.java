package cn.minzheng.bureau.ledger;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.Survey;
import cn.minzheng.bureau.dibao.SurveyRepository;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * A household's 低保 cases as its file (家庭档案) shows them: the status history and the decisions with
 * people by name and steps and decisions in Chinese, the surveys, and the task the case waits for.
 */
@Component
public class CaseFiles {

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    public record CaseFile(DibaoCase dibaoCase, List<StatusLine> history, List<DecisionLine> decisions,
                           List<Survey> surveys, OpenTask openTask) {
    }

    public record StatusLine(LocalDateTime changedAt, String status, String changedBy, String reason) {
    }

    public record DecisionLine(LocalDateTime decidedAt, String step, String decidedBy, String decision, String comment) {
    }

    /**
     * The task the case waits for. {@code mine}: the user works on it (assigned to them, or offered to one of
     * their groups), so Tasklist opens it for them; else the file only says where the case is.
     */
    public record OpenTask(String id, String name, boolean mine) {

        /** Tasklist with this task open: its query is part of the fragment, the page reads it there. */
        public String tasklistPath() {
            return TASKLIST + "#/?task=" + id;
        }
    }

    private final DibaoCaseRepository cases;
    private final SurveyRepository surveys;
    private final TaskService taskService;
    private final PersonNames people;
    private final StepNames steps;

    public CaseFiles(DibaoCaseRepository cases, SurveyRepository surveys, TaskService taskService, PersonNames people,
                     StepNames steps) {
        this.cases = cases;
        this.surveys = surveys;
        this.taskService = taskService;
        this.people = people;
        this.steps = steps;
    }

    public List<CaseFile> ofHousehold(long householdId, LedgerUser user) {
        return cases.forHousehold(householdId).stream().map(c -> new CaseFile(c,
                cases.history(c.id()).stream().map(h -> new StatusLine(h.changedAt(), h.status().label(),
                        people.of(h.changedBy()), h.reason())).toList(),
                cases.decisions(c.id()).stream().map(d -> new DecisionLine(d.decidedAt(), steps.of(d.step()),
                        people.of(d.decidedBy()), DecisionLabels.of(d.decision()), d.comment())).toList(),
                surveys.forCase(c.id()), openTask(c, user).orElse(null))).toList();
    }

    /** The case's open task the user works on, else its first open task; the case number is every process's business key. */
    Optional<OpenTask> openTask(DibaoCase dibaoCase, LedgerUser user) {
        List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(dibaoCase.caseNumber()).active()
                .orderByTaskCreateTime().asc().list();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Optional<Task> mine = open.stream().filter(t -> user.id().equals(t.getAssignee())).findFirst();
        if (mine.isEmpty() && !user.groups().isEmpty()) {
            mine = taskService.createTaskQuery().processInstanceBusinessKey(dibaoCase.caseNumber()).active()
                    .taskCandidateGroupIn(user.groups()).includeAssignedTasks().orderByTaskCreateTime().asc().list()
                    .stream().findFirst();
        }
        return Optional.of(mine.map(t -> new OpenTask(t.getId(), t.getName(), true))
                .orElseGet(() -> new OpenTask(open.get(0).getId(), open.get(0).getName(), false)));
    }
}
