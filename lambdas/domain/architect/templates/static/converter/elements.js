
const form = byId('converter-form');
const categorySelect = byId('category');
const amountInput = byId('amount');
const fromSelect = byId('from-unit');
const toSelect = byId('to-unit');
const result = byId('result');
const errorMessage = byId('convert-error');
