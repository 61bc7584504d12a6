
/**
 * The fuel a trip takes and what it costs, from the distance, the consumption per 100 of the same
 * distance unit and the price of one unit of fuel; split between people, each share rounded up to
 * the cent so the shares cover the cost.
 */
export function tripFuelCost(distance, per100, price, people) {
  check(distance, 'the distance', { max: 1000000 });
  check(per100, 'the consumption', { exclusiveMin: true, max: 100 });
  check(price, 'the price of fuel', { max: 1000 });
  check(people, 'the number of people', { min: 1, max: 100, whole: true });
  const fuel = (distance * per100) / 100;
  const cost = cents(fuel * price);
  const perPerson = Math.ceil(Math.round(cost * 100) / people) / 100;
  return { fuel: Math.round(fuel * 100) / 100, cost, perPerson };
}
