package cn.minzheng.bureau.dibao.appeal;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** A township's clerks and reviewers register an appeal (申诉). */
@Component
public class AppealAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return AppealProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.TOWNSHIP_CLERKS, Role.TOWNSHIP_REVIEWERS);
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.DIBAO_REVIEW;
    }
}
