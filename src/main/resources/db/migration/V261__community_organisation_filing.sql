-- 社区社会组织备案: community-level organisations are filed (备案) with the street office (街道办事处) or township
-- (乡镇人民政府) and listed on the register with kind COMMUNITY_ORGANISATION and status FILED. They have no registered
-- funds, no 业务主管单位 approval and no credit code; supervisor_unit holds the street office they are filed with,
-- certificate_no the filing number, township_code the street office's code. Only OrganisationRepository writes.
alter table social_organisation alter column registered_funds drop not null;
alter table social_organisation alter column supervisor_approval_no drop not null;
alter table social_organisation alter column supervisor_approved_on drop not null;
alter table social_organisation add column township_code varchar(40);

-- Filing numbers, per street office and year: the last number issued.
create table community_organisation_filing_seq (
    township_code varchar(40) not null,
    filing_year   int         not null,
    last_number   int         not null,
    primary key (township_code, filing_year)
);
