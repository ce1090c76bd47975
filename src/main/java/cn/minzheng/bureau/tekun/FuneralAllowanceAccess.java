package cn.minzheng.bureau.tekun;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/**
 * 特困人员丧葬补助 is started by a confirmed death (nobody starts it by hand); the township clerk's task of confirming
 * the payee is listed under 社会救助, beside 特困供养.
 */
@Component
public class FuneralAllowanceAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return FuneralAllowanceProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of();
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.SOCIAL_ASSISTANCE;
    }
}
