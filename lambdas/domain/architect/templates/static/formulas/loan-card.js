formula('loan', () => {
  const { monthly, total, interest } = loanPayment(numberIn('loan-amount'), numberIn('loan-rate'), numberIn('loan-years'));
  return { 'loan-monthly': money(monthly), 'loan-total': money(total), 'loan-interest': money(interest) };
});