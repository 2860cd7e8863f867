package com.careloop.customer;

import com.careloop.identity.ApiUser;
import com.careloop.identity.CareLoopGroups;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who sees a customer, and how (PIPL: personal data on a need-to-know basis):
 * <ul>
 * <li>cs-managers and administrators: everything, phone and e-mail unmasked ({@link Basis#MANAGER});</li>
 * <li>the assignee of an open task of one of the customer's open cases (a call, a feedback task, a re-visit):
 *     unmasked ({@link Basis#ASSIGNEE}, with the task);</li>
 * <li>cs-supervisors, and whoever an unclaimed open task of the customer is offered to (candidate group or user):
 *     masked (138****1000, w***@example.com);</li>
 * <li>everyone else: nothing — the customer is answered as unknown (404), so counting ids finds no one.</li>
 * </ul>
 * The open cases are the business keys the case modules report ({@link CustomerCases}); the tasks are read through the
 * engine's public task query.
 */
@Component
public class CustomerReadAccess {

    /** Why a read was answered unmasked. */
    public enum Basis { MANAGER, ASSIGNEE }

    /** The answer for one user and customer: {@code visible} false = 404; {@code basis} null = masked. */
    public record Decision(boolean visible, Basis basis, String taskId) {

        static final Decision HIDDEN = new Decision(false, null, null);
        static final Decision MASKED = new Decision(true, null, null);

        public boolean unmasked() {
            return basis != null;
        }
    }

    /** Who reads every customer unmasked. */
    static final Set<String> UNMASKED = Set.of(CareLoopGroups.CS_MANAGERS, CareLoopGroups.ADMIN);
    /** Who reads every customer masked. */
    static final Set<String> MASKED = Set.of(CareLoopGroups.CS_SUPERVISORS);

    private final List<CustomerCases> cases;
    private final TaskService tasks;

    CustomerReadAccess(List<CustomerCases> cases, TaskService tasks) {
        this.cases = cases;
        this.tasks = tasks;
    }

    public Decision decide(long customerId, ApiUser user) {
        if (!Collections.disjoint(user.groups(), UNMASKED)) {
            return new Decision(true, Basis.MANAGER, null);
        }
        String[] open = cases.stream().flatMap(c -> c.openCases(customerId).stream()).distinct().toArray(String[]::new);
        if (open.length > 0) {
            List<Task> assigned = tasks.createTaskQuery().processInstanceBusinessKeyIn(open).taskAssignee(user.id())
                    .orderByTaskId().asc().listPage(0, 1);
            if (!assigned.isEmpty()) {
                return new Decision(true, Basis.ASSIGNEE, assigned.get(0).getId());
            }
        }
        if (!Collections.disjoint(user.groups(), MASKED)) {
            return Decision.MASKED;
        }
        if (open.length > 0 && (tasks.createTaskQuery().processInstanceBusinessKeyIn(open).taskCandidateUser(user.id()).count() > 0
                || !user.groups().isEmpty()
                && tasks.createTaskQuery().processInstanceBusinessKeyIn(open).taskCandidateGroupIn(List.copyOf(user.groups())).count() > 0)) {
            return Decision.MASKED;
        }
        return Decision.HIDDEN;
    }
}
