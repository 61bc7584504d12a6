formula('interest', () => {
  const { balance, paidIn, interest } = compoundInterest(
    numberIn('interest-start'),
    numberIn('interest-rate'),
    numberIn('interest-years'),
    numberIn('interest-deposit'),
  );
  return { 'interest-balance': money(balance), 'interest-paid': money(paidIn), 'interest-earned': money(interest) };
});