package cn.minzheng.bureau.dibao.deadline;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/**
 * Supervision of an overdue 低保 case starts by itself when a time limit runs out; it is listed with the
 * applications.
 */
@Component
public class SupervisionAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return SupervisionProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of();
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.DIBAO_APPLICATION;
    }
}
