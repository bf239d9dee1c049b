-- ILLUSTRATIVE seed policies for the pilot provinces of occupational-injury protection and a few
-- cities, for 2025 and 2026. The numbers are round values in the range of published figures, NOT
-- any region's official policy: every row is marked illustrative = true, and an admin or an officer
-- of the region replaces them through PUT /api/regions/{code}/policies/{year}.
-- Pension: 20% of the base, 8 points to the individual account. Occupational injury: fen per order
-- by sector (about 0.07 yuan per delivery order and 0.01 yuan per ride in the 2022-2025 pilot).
insert into region_policy (region, year, average_monthly_wage_fen, base_floor_percent, base_ceiling_percent,
                           pension_rate_percent, pension_individual_percent, medical_rate_percent,
                           medical_individual_percent, injury_fee_per_order_fen, illustrative, version,
                           updated_by, updated_at)
select region, year, wage, floor_pct, ceiling_pct, pension, pension_ind, medical, medical_ind, fees::jsonb,
       true, 1, 'seed (illustrative)', now()
  from (values
    ('110000', 2025, 1150000, 60, 300, 20.00, 8.00, 9.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('310000', 2025, 1200000, 60, 300, 20.00, 8.00, 9.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('320000', 2025, 950000, 60, 300, 20.00, 8.00, 9.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('440000', 2025, 900000, 60, 300, 20.00, 8.00, 9.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('460000', 2025, 780000, 60, 300, 20.00, 8.00, 9.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('500000', 2025, 760000, 60, 300, 20.00, 8.00, 9.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('510000', 2025, 740000, 60, 300, 20.00, 8.00, 9.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('110100', 2025, 1150000, 60, 300, 20.00, 8.00, 9.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('310100', 2025, 1200000, 60, 300, 20.00, 8.00, 10.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('320100', 2025, 980000, 60, 300, 20.00, 8.00, 8.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('440100', 2025, 1000000, 60, 300, 20.00, 8.00, 8.50, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('440300', 2025, 1050000, 60, 300, 20.00, 8.00, 8.50, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('460100', 2025, 790000, 60, 300, 20.00, 8.00, 8.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('500100', 2025, 770000, 60, 300, 20.00, 8.00, 8.50, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('510100', 2025, 800000, 60, 300, 20.00, 8.00, 8.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('110000', 2026, 1196000, 60, 300, 20.00, 8.00, 9.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('310000', 2026, 1248000, 60, 300, 20.00, 8.00, 9.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('320000', 2026, 988000, 60, 300, 20.00, 8.00, 9.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('440000', 2026, 936000, 60, 300, 20.00, 8.00, 9.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('460000', 2026, 811200, 60, 300, 20.00, 8.00, 9.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('500000', 2026, 790400, 60, 300, 20.00, 8.00, 9.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('510000', 2026, 769600, 60, 300, 20.00, 8.00, 9.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('110100', 2026, 1196000, 60, 300, 20.00, 8.00, 9.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('310100', 2026, 1248000, 60, 300, 20.00, 8.00, 10.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('320100', 2026, 1019200, 60, 300, 20.00, 8.00, 8.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('440100', 2026, 1040000, 60, 300, 20.00, 8.00, 8.50, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('440300', 2026, 1092000, 60, 300, 20.00, 8.00, 8.50, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('460100', 2026, 821600, 60, 300, 20.00, 8.00, 8.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('500100', 2026, 800800, 60, 300, 20.00, 8.00, 8.50, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}'),
    ('510100', 2026, 832000, 60, 300, 20.00, 8.00, 8.00, 0.00, '{"FOOD_DELIVERY": 7, "INSTANT_DELIVERY": 7, "RIDE_HAILING": 1, "FREIGHT": 10, "ECOMMERCE": 3, "OTHER": 5}')
  ) as seed (region, year, wage, floor_pct, ceiling_pct, pension, pension_ind, medical, medical_ind, fees);
