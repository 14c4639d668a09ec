// The write half of wagmi and viem (simulate, send, wait for the receipt: transaction preparation, gas
// estimation, signature recovery, ~25 kB gzip), in a module of its own so useTransactor can load it
// when a signature is near — the first touch or key press on a page that signs — instead of with the page.
export { simulateContract, waitForTransactionReceipt, writeContract } from 'wagmi/actions';
