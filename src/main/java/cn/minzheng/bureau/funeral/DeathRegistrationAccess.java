package cn.minzheng.bureau.funeral;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/**
 * A township clerk records a death; the township reviewer's check is listed under 社会救助, beside the programs a death
 * ends (its cards: 登记编号 as 案件编号, the deceased as 申请人, 乡镇, 村（社区）).
 */
@Component
public class DeathRegistrationAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return DeathRegistrationProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.TOWNSHIP_CLERKS);
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.SOCIAL_ASSISTANCE;
    }
}
