
const source = cryptoSource();
const TEXT_FIELDS = ['dice', 'coins', 'min', 'max', 'choices', 'length'];
const FLAGS = ['lower', 'upper', 'digits', 'symbols'];
const copyButton = byId('copy-password');
