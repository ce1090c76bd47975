package cn.minzheng.bureau.deadline;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/**
 * A supervision starts by itself when a limit runs out. Its tasks are listed under 民间组织登记, the only line of work
 * whose limits it supervises so far (低保 keeps dibao-supervision, whose running instances and form it would break).
 */
@Component
public class StatutorySupervisionAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return StatutorySupervisionProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of();
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.ORGANISATION;
    }
}
