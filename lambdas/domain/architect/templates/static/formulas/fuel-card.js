formula('fuel', () => {
  const { fuel, cost, perPerson } = tripFuelCost(
    numberIn('fuel-distance'),
    numberIn('fuel-consumption'),
    numberIn('fuel-price'),
    numberIn('fuel-people'),
  );
  return { 'fuel-amount': decimal(fuel), 'fuel-cost': money(cost), 'fuel-each': money(perPerson) };
});