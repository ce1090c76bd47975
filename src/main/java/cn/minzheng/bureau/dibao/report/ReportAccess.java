package cn.minzheng.bureau.dibao.report;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** A township's clerks and reviewers register a report (举报). */
@Component
public class ReportAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return ReportProcess.KEY;
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
