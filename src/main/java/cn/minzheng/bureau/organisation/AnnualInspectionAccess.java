package cn.minzheng.bureau.organisation;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** 民间组织管理科 opens the 年度检查 of each registered organisation and year. */
@Component
public class AnnualInspectionAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return AnnualInspectionProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.district(Groups.ORGANISATION_SECTION));
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.ORGANISATION;
    }
}
