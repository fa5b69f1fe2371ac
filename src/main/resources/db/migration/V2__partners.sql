-- Reference data every installation needs: the ten ASEAN member states and the partner organisations.
insert into partner_country (code, name, region) values
 ('BN', 'Brunei Darussalam', 'ASEAN'),
 ('KH', 'Cambodia', 'ASEAN'),
 ('ID', 'Indonesia', 'ASEAN'),
 ('LA', 'Lao PDR', 'ASEAN'),
 ('MY', 'Malaysia', 'ASEAN'),
 ('MM', 'Myanmar', 'ASEAN'),
 ('PH', 'Philippines', 'ASEAN'),
 ('SG', 'Singapore', 'ASEAN'),
 ('TH', 'Thailand', 'ASEAN'),
 ('VN', 'Viet Nam', 'ASEAN');

insert into partner_organisation (code, name, kind) values
 ('WHO', 'World Health Organization (GOARN)', 'UN agency'),
 ('ILO', 'International Labour Organization', 'UN agency'),
 ('UNAIDS', 'Joint United Nations Programme on HIV/AIDS', 'UN agency'),
 ('GLOBAL_FUND', 'The Global Fund to Fight AIDS, Tuberculosis and Malaria', 'Financing institution'),
 ('JICA', 'Japan International Cooperation Agency', 'Bilateral agency'),
 ('ASEAN_SEC', 'ASEAN Secretariat', 'Regional organisation');
