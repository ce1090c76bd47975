-- The district, its townships / street offices and their villages / communities (reference data).
insert into region (code, name, kind, parent_code) values ('district', '本区', 'DISTRICT', null);

insert into region (code, name, kind, parent_code) values ('yuecun',    '岳村乡',     'TOWNSHIP',      'district');
insert into region (code, name, kind, parent_code) values ('mengke',    '孟轲乡',     'TOWNSHIP',      'district');
insert into region (code, name, kind, parent_code) values ('renqiu',    '任丘办事处', 'STREET_OFFICE', 'district');
insert into region (code, name, kind, parent_code) values ('zhongyuan', '中原办事处', 'STREET_OFFICE', 'district');

insert into region (code, name, kind, parent_code) values ('yuecun-yuecun',  '岳村',   'VILLAGE', 'yuecun');
insert into region (code, name, kind, parent_code) values ('yuecun-dongyue', '东岳村', 'VILLAGE', 'yuecun');
insert into region (code, name, kind, parent_code) values ('yuecun-xiyue',   '西岳村', 'VILLAGE', 'yuecun');
insert into region (code, name, kind, parent_code) values ('mengke-mengke',  '孟轲村', 'VILLAGE', 'mengke');
insert into region (code, name, kind, parent_code) values ('mengke-beimeng', '北孟村', 'VILLAGE', 'mengke');

insert into region (code, name, kind, parent_code) values ('renqiu-qinghuayuan',  '清华苑社区', 'COMMUNITY', 'renqiu');
insert into region (code, name, kind, parent_code) values ('renqiu-jingdong',     '京东社区',   'COMMUNITY', 'renqiu');
insert into region (code, name, kind, parent_code) values ('renqiu-huanghebei',   '黄河北社区', 'COMMUNITY', 'renqiu');
insert into region (code, name, kind, parent_code) values ('renqiu-yongle',       '永乐社区',   'COMMUNITY', 'renqiu');
insert into region (code, name, kind, parent_code) values ('zhongyuan-zhongqing', '中庆社区',   'COMMUNITY', 'zhongyuan');
insert into region (code, name, kind, parent_code) values ('zhongyuan-nanjiang',  '南江社区',   'COMMUNITY', 'zhongyuan');
insert into region (code, name, kind, parent_code) values ('zhongyuan-huanghenan','黄河南社区', 'COMMUNITY', 'zhongyuan');
insert into region (code, name, kind, parent_code) values ('zhongyuan-jinlianhua','金联华社区', 'COMMUNITY', 'zhongyuan');
insert into region (code, name, kind, parent_code) values ('zhongyuan-yubei',     '玉北社区',   'COMMUNITY', 'zhongyuan');
insert into region (code, name, kind, parent_code) values ('zhongyuan-jinhua',    '金华社区',   'COMMUNITY', 'zhongyuan');
