package cn.minzheng.bureau.payroll;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** Finance starts the monthly payroll. */
@Component
public class PayrollAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return PayrollProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.district(Groups.FINANCE));
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.DIBAO_PAYMENT;
    }
}
