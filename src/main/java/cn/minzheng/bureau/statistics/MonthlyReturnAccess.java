package cn.minzheng.bureau.statistics;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/**
 * The district statistician (统计员) prepares the monthly return; its tasks are listed under 统计报表. Who may read
 * returns on the ledger pages: the district's statistics roles (statistician, 低保科负责人, district approver).
 */
@Component
public class MonthlyReturnAccess implements ProcessAccess {

    /** The groups that see and download the returns. */
    public static final List<String> READERS = List.of(Groups.STATISTICIAN, Groups.DIBAO_HEAD, Groups.DISTRICT_APPROVER);

    @Override
    public String processKey() {
        return MonthlyReturnProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.district(Groups.STATISTICIAN));
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.STATISTICS;
    }

    public static boolean mayRead(List<String> groups) {
        return groups.stream().anyMatch(READERS::contains);
    }
}
